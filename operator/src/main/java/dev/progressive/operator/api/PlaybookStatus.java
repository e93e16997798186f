package dev.progressive.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** Whether the operator can run the playbook; an invalid one matches no alert. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaybookStatus(
    @JsonPropertyDescription("Ready: the playbook is valid and matches alerts; InvalidSpec names what to fix.")
    List<Condition> conditions,
    @JsonPropertyDescription("The metadata.generation this status describes.")
    Long observedGeneration) {}
