package org.wsgi.api.config;

import java.util.Objects;

/**
 * A {@code <Directory>}, {@code <Location>}, {@code <Files>} section (or its {@code Match} form) and the settings
 * written inside it.
 *
 * @param type which section
 * @param pattern the path, wildcard pattern or (for the match forms and {@code ~}) regular expression
 * @param regex whether {@code pattern} is a regular expression
 * @param settings the directives inside
 * @param location where the section opened
 */
public record Section(Type type, String pattern, boolean regex, DirectorySettings settings, SourceLocation location) {

    /** The section kinds, in the order Apache merges their groups. */
    public enum Type {
        DIRECTORY, FILES, LOCATION
    }

    public Section {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(settings, "settings");
    }
}
