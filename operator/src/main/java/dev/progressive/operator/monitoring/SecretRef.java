package dev.progressive.operator.monitoring;

/**
 * A credential by reference: a key of a Kubernetes Secret in the namespace of the object that
 * uses it. Generated configuration names it, as a Secret key selector or as a mounted file, and
 * never holds its value.
 */
public record SecretRef(String name, String key) {

  public SecretRef {
    Validation.requireText("secret name", name);
    Validation.requireText("secret key", key);
  }
}
