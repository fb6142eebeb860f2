package org.wsgi.config.apache.parser;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.wsgi.api.config.Section;

/** The sections ({@code <Name args>...</Name>}) the parser knows, with the model type each builds. */
enum SectionKind {
    VIRTUAL_HOST("VirtualHost", null, false),
    DIRECTORY("Directory", Section.Type.DIRECTORY, false),
    DIRECTORY_MATCH("DirectoryMatch", Section.Type.DIRECTORY, true),
    LOCATION("Location", Section.Type.LOCATION, false),
    LOCATION_MATCH("LocationMatch", Section.Type.LOCATION, true),
    FILES("Files", Section.Type.FILES, false),
    FILES_MATCH("FilesMatch", Section.Type.FILES, true),
    /** Its body is read in the enclosing section; access control in it applies to the methods listed only. */
    LIMIT("Limit", null, false),
    /** As {@link #LIMIT}, for every method except those listed. */
    LIMIT_EXCEPT("LimitExcept", null, false),
    /** True when the module is one this runtime provides the directives of. */
    IF_MODULE("IfModule", null, false),
    /** True when {@code Define} has defined the name ({@code httpd -D} has no equivalent here). */
    IF_DEFINE("IfDefine", null, false);

    /**
     * The modules {@code <IfModule>} finds, by source file and by module name: those whose directives the
     * directive table implements, plus Apache's always-present core.
     */
    private static final Set<String> MODULES = Set.of("mod_wsgi.c", "wsgi_module", "mod_alias.c", "alias_module",
            "mod_rewrite.c", "rewrite_module", "mod_env.c", "env_module", "mod_setenvif.c", "setenvif_module",
            "mod_dir.c", "dir_module", "mod_mime.c", "mime_module", "mod_autoindex.c", "autoindex_module",
            "mod_negotiation.c", "negotiation_module", "mod_userdir.c", "userdir_module", "mod_authn_core.c",
            "authn_core_module", "mod_authn_file.c", "authn_file_module", "mod_authz_core.c", "authz_core_module",
            "mod_authz_host.c", "authz_host_module", "mod_authz_user.c", "authz_user_module",
            "mod_authz_groupfile.c", "authz_groupfile_module", "mod_auth_basic.c", "auth_basic_module",
            "mod_access_compat.c", "access_compat_module", "mod_log_config.c", "log_config_module", "core.c",
            "core_module", "http_core.c", "http_module", "mod_so.c", "so_module");

    private final String directive;
    private final Section.Type type;
    private final boolean regex;

    SectionKind(String directive, Section.Type type, boolean regex) {
        this.directive = directive;
        this.type = type;
        this.regex = regex;
    }

    /** The kind called {@code name} in any letter case, or {@code null}. */
    static SectionKind find(String name) {
        for (SectionKind kind : values()) {
            if (kind.directive.equalsIgnoreCase(name)) {
                return kind;
            }
        }
        return null;
    }

    String directive() {
        return directive;
    }

    /** The model type of a path section, {@code null} for the others. */
    Section.Type type() {
        return type;
    }

    boolean regex() {
        return regex;
    }

    boolean limit() {
        return this == LIMIT || this == LIMIT_EXCEPT;
    }

    boolean conditional() {
        return this == IF_MODULE || this == IF_DEFINE;
    }

    /**
     * Whether a conditional section's body applies: {@code arg} is a module or a define, maybe negated;
     * {@code defined} tells which names are defined.
     */
    boolean test(String arg, Predicate<String> defined) {
        boolean negated = arg.startsWith("!");
        String name = negated ? arg.substring(1) : arg;
        boolean found = this == IF_MODULE ? MODULES.contains(name.toLowerCase(Locale.ROOT)) : defined.test(name);
        return found != negated;
    }
}
