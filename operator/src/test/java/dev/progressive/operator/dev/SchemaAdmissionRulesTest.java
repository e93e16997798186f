package dev.progressive.operator.dev;

import static dev.progressive.operator.dev.AdmissionFixture.admitted;
import static dev.progressive.operator.dev.AdmissionFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a CRD schema may say beyond the operator's own CRDs: transition rules, preserved and embedded objects. */
class SchemaAdmissionRulesTest {
  private static final AdmissionFixture GADGETS = AdmissionFixture.forCrd("""
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: gadgets.example.dev}
      spec:
        group: example.dev
        scope: Namespaced
        names: {kind: Gadget, plural: gadgets, singular: gadget}
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    x-kubernetes-validations:
                      - rule: "self.size >= oldSelf.size"
                        message: "size may only grow"
                      - rule: "self.size <= self.limit"
                        messageExpression: "'size ' + string(self.size) + ' is above the limit ' + string(self.limit)"
                        fieldPath: ".size"
                      - rule: "!has(self.owner) || self.owner != 'nobody'"
                        reason: FieldValueForbidden
                        message: "nobody may own a gadget"
                    properties:
                      size: {type: integer, default: 1}
                      limit: {type: integer, default: 10}
                      owner: {type: string}
                      labels: {type: array, x-kubernetes-list-type: set, items: {type: string}}
                      extra: {type: object, x-kubernetes-preserve-unknown-fields: true, properties: {known: {type: integer}}}
                      template:
                        type: object
                        x-kubernetes-embedded-resource: true
                        properties: {spec: {type: object, properties: {image: {type: string}}}}
      """);
  private static final String GADGET = """
      {"apiVersion":"example.dev/v1","kind":"Gadget","metadata":{"name":"g"},"spec":%s}""";

  @Test
  void aTransitionRuleRunsOnUpdatesOnly() {
    admitted(GADGETS.create(GADGET.formatted("{\"size\":5}"), "Strict"));

    assertThat(status(GADGETS.update(GADGET.formatted("{\"size\":4}"), GADGET.formatted("{\"size\":5}"), false))
        .path("message").asText()).isEqualTo("Gadget.example.dev \"g\" is invalid: spec: Invalid value: \"object\": size may only grow");
  }

  @Test
  void aMessageExpressionAndAFieldPathShapeTheError() {
    var cause = status(GADGETS.create(GADGET.formatted("{\"size\":12}"), "Strict")).path("details").path("causes").get(0);

    assertThat(cause.path("field").asText()).isEqualTo("spec.size");
    assertThat(cause.path("message").asText()).isEqualTo("Invalid value: \"object\": size 12 is above the limit 10");
  }

  @Test
  void aReasonChangesTheKindOfError() {
    var cause = status(GADGETS.create(GADGET.formatted("{\"owner\":\"nobody\"}"), "Strict")).path("details").path("causes").get(0);

    assertThat(cause.path("reason").asText()).isEqualTo("FieldValueForbidden");
    assertThat(cause.path("message").asText()).isEqualTo("Forbidden: nobody may own a gadget");
  }

  @Test
  void aSetListHasNoValueTwice() {
    assertThat(status(GADGETS.create(GADGET.formatted("{\"labels\":[\"a\",\"b\",\"a\"]}"), "Strict")).path("message").asText())
        .contains("spec.labels[2]: Duplicate value: \"a\"");
  }

  @Test
  void preservedAndEmbeddedObjectsKeepWhatTheirSchemaDoesNotName() {
    var stored = admitted(GADGETS.create(GADGET.formatted("""
        {"extra":{"known":1,"anything":{"deep":true}},
         "template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"image":"x","unknown":1}}}"""), "Warn"));

    assertThat(stored.path("spec").path("extra").path("anything").path("deep").asBoolean()).isTrue();
    assertThat(stored.path("spec").path("template").path("metadata").path("name").asText()).isEqualTo("p");
    assertThat(stored.path("spec").path("template").path("spec").has("unknown")).as("pruned below the embedded object").isFalse();
    assertThat(status(GADGETS.create(GADGET.formatted("{\"extra\":{\"known\":\"one\"}}"), "Strict")).path("message").asText())
        .contains("spec.extra.known: Invalid value: \"string\"");
  }

  @Test
  void aCrdInstalledWithoutItsSchemaAdmitsAnything() {
    var schemaless = AdmissionFixture.forCrd("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.dev}
        spec:
          group: example.dev
          scope: Namespaced
          names: {kind: Widget, plural: widgets}
          versions:
            - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}
        """);

    var stored = admitted(schemaless.create("{\"apiVersion\":\"example.dev/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"},"
        + "\"spec\":{\"anything\":[1,\"two\"]},\"more\":null}", "Strict"));
    assertThat(stored.path("spec").path("anything")).hasSize(2);
  }

  @Test
  void aCrdWhoseRuleDoesNotCompileIsRefused() {
    var broken = AdmissionFixture.forCrd("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: brokens.example.dev}
        spec:
          group: example.dev
          names: {kind: Broken, plural: brokens}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec: {type: object, x-kubernetes-validations: [{rule: "self.size >"}]}
        """);

    assertThat(broken.admission().definitionErrors(broken.crd())).singleElement().satisfies(error -> {
      assertThat(error.field()).isEqualTo("spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule");
      assertThat(error.body()).startsWith("Invalid value: \"self.size >\": compilation failed: ");
    });
  }
}
