package org.wsgi.config.apache.parser;

import org.wsgi.api.config.Section;
import org.wsgi.api.config.SourceLocation;

/** A section while its directives are read. */
final class SectionBuilder {

    private final Section.Type type;
    private final String pattern;
    private final boolean regex;
    private final SourceLocation location;
    private final SettingsBuilder settings = new SettingsBuilder();

    SectionBuilder(Section.Type type, String pattern, boolean regex, SourceLocation location) {
        this.type = type;
        this.pattern = pattern;
        this.regex = regex;
        this.location = location;
    }

    Section.Type type() {
        return type;
    }

    SettingsBuilder settings() {
        return settings;
    }

    Section build() {
        return new Section(type, pattern, regex, settings.build(), location);
    }
}
