package dev.progressive.operator.dev;

import dev.progressive.operator.dev.FieldError.Type;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Object names as the API server makes and checks them. */
final class ObjectNames {
  private static final String SUBDOMAIN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final Pattern SUBDOMAIN_PATTERN = Pattern.compile(SUBDOMAIN);
  // The API server's alphabet for generated suffixes: no vowels, no look-alike digits.
  private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ObjectNames() {}

  /** A name for metadata.generateName: the prefix and five random characters (the mock would add a UUID). */
  static String generate(String prefix) {
    var name = new StringBuilder(prefix);
    for (int i = 0; i < 5; i++) {
      name.append(SUFFIX_ALPHABET.charAt(RANDOM.nextInt(SUFFIX_ALPHABET.length())));
    }
    return name.toString();
  }

  /** Why a custom resource's name is not a DNS subdomain (RFC 1123), as the API server words it. */
  static List<FieldError> subdomainErrors(String name) {
    var errors = new ArrayList<FieldError>();
    var path = FieldPath.ROOT.child("metadata").child("name");
    if (name.length() > 253) {
      errors.add(new FieldError(Type.INVALID, path.toString(), name, "must be no more than 253 characters", path));
    }
    if (!SUBDOMAIN_PATTERN.matcher(name).matches()) {
      errors.add(new FieldError(Type.INVALID, path.toString(), name, "a lowercase RFC 1123 subdomain must consist of lower "
          + "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
          + "'example.com', regex used for validation is '" + SUBDOMAIN + "')", path));
    }
    return errors;
  }
}
