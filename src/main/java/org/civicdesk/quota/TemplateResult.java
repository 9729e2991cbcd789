package org.civicdesk.quota;

import java.time.LocalDate;
import java.util.List;

/**
 * What applying a weekday template to a date range did.
 *
 * @param opened the days opened with the ordinary pattern
 * @param hot    the hot dates in the range, opened with the hot template instead
 */
public record TemplateResult(List<LocalDate> opened, List<LocalDate> hot) {

    public TemplateResult {
        opened = List.copyOf(opened);
        hot = List.copyOf(hot);
    }
}
