package dev.specgate.web.view;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One board column: the specs in one status.
 *
 * @param status the status
 * @param specs its specs, in board order
 */
public record BoardColumn(String status, List<SpecView> specs) {

    public BoardColumn {
        requireNonNull(status, "status must not be null");
        specs = List.copyOf(specs);
    }

    public String cssClass() {
        return SpecView.cssName(status);
    }
}
