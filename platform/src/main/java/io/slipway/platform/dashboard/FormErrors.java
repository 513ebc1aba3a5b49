package io.slipway.platform.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a submitted form, field by field (a field is the form control's name), so
 * each message can be shown next to its field and listed in a summary at the top.
 */
public final class FormErrors {

    /** The key of problems that belong to no one field. */
    public static final String GLOBAL = "";

    private final Map<String, List<String>> byField = new LinkedHashMap<>();

    public void add(String field, String message) {
        byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    /** Every problem, field by field in the order found, for the summary at the top of the form. */
    public List<Map.Entry<String, String>> all() {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        byField.forEach((field, messages) -> messages.forEach(m -> all.add(Map.entry(field, m))));
        return all;
    }
}
