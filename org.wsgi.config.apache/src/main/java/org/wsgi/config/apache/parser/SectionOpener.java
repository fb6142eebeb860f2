package org.wsgi.config.apache.parser;

import java.util.Deque;
import java.util.List;

import org.wsgi.api.config.Section;
import org.wsgi.api.config.SourceLocation;

/**
 * Opens a section line ({@code <Name args>}): checks where it may appear and its arguments as Apache's core does,
 * then pushes a frame that reads its body, or one that skips it (false conditional, or refused section).
 */
final class SectionOpener {

    private final FragmentBuilder fragment;
    private final Deque<Frame> frames;
    /** Reading an access file: only {@code <Files>}, {@code <Limit>} and conditional sections are allowed. */
    private final boolean accessFile;

    SectionOpener(FragmentBuilder fragment, Deque<Frame> frames, boolean accessFile) {
        this.fragment = fragment;
        this.frames = frames;
        this.accessFile = accessFile;
    }

    /** @return the complaint, or {@code null}; a frame is pushed either way, so the closing line matches */
    String open(String text, SourceLocation location) {
        int end = 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>') {
            end++;
        }
        String name = text.substring(1, end);
        String rest = text.substring(end).strip();
        SectionKind kind = SectionKind.find(name);
        String error = check(kind, name, rest);
        if (error != null) {
            frames.push(Frame.skip(name, location));
            return error;
        }
        String args = rest.substring(0, rest.length() - 1).strip();
        if (kind.conditional()) {
            String tested = new ConfWords(args).next();
            if (tested.equals("!")) {
                frames.push(Frame.skip(name, location));
                return "<" + name + "> directive requires additional arguments";
            }
            boolean body = kind.test(tested, fragment.variables()::isDefined);
            // A false conditional's body is soaked as Apache soaks it: its sections must still nest.
            frames.push(new Frame(kind, name, location, body ? Frame.Mode.READ : Frame.Mode.SKIP, null, null));
            return null;
        }
        if (kind.limit()) {
            return openLimit(kind, name, args, location);
        }
        if (kind == SectionKind.VIRTUAL_HOST) {
            ServerBuilder vhost = fragment.addVirtualHost(ConfWords.split(args), location);
            frames.push(new Frame(kind, name, location, Frame.Mode.READ, vhost, null));
            return null;
        }
        return openPathSection(kind, name, args, location);
    }

    private String check(SectionKind kind, String name, String rest) {
        if (kind == null) {
            return "Invalid command '<" + name + ">" + ConfReader.INVALID_COMMAND;
        }
        String placement = placement(kind);
        if (placement != null) {
            return placement;
        }
        if (!rest.endsWith(">")) {
            return "<" + name + "> directive missing closing '>'";
        }
        if (rest.length() == 1 || new ConfWords(rest.substring(0, rest.length() - 1)).next().isEmpty()) {
            return "<" + name + "> directive requires additional arguments";
        }
        return null;
    }

    /** Apache's context rules for sections. */
    private String placement(SectionKind kind) {
        String self = "<" + kind.directive() + ">";
        if (kind.conditional()) {
            return null;
        }
        if (accessFile && (kind == SectionKind.VIRTUAL_HOST || kind.type() == Section.Type.DIRECTORY
                || kind.type() == Section.Type.LOCATION)) {
            return "<" + kind.directive() + " not allowed here";
        }
        Frame context = Frame.context(frames);
        if (context == null) {
            return kind.limit() ? Frame.notAllowed(self, frames) : null;
        }
        if (context.kind.limit()) {
            return kind.limit() || kind == SectionKind.FILES || kind == SectionKind.FILES_MATCH
                    ? self + " cannot occur within <Limit> or <LimitExcept> section"
                    : Frame.notAllowed(self, frames);
        }
        boolean inVhost = context.kind == SectionKind.VIRTUAL_HOST;
        switch (kind) {
            case VIRTUAL_HOST:
                return inVhost ? self + " cannot occur within <VirtualHost> section" : Frame.notAllowed(self, frames);
            case FILES, FILES_MATCH:
                for (Frame f : frames) {
                    if (f.section != null && f.section.type() != Section.Type.DIRECTORY) {
                        return self + " cannot occur within <" + f.name + "> section";
                    }
                }
                return null;
            case LIMIT, LIMIT_EXCEPT:
                return inVhost ? Frame.notAllowed(self, frames) : null;
            default:
                return inVhost ? null : Frame.notAllowed(self, frames);
        }
    }

    /** {@code <Limit>}/{@code <LimitExcept>}: read in the enclosing section, with the methods remembered. */
    private String openLimit(SectionKind kind, String name, String args, SourceLocation location) {
        List<String> methods = ConfWords.split(args);
        if (methods.contains("TRACE")) {
            frames.push(Frame.skip(name, location));
            return "TRACE cannot be controlled by <" + kind.directive() + ">, see TraceEnable";
        }
        String opening = "<" + kind.directive() + " " + String.join(" ", methods) + ">";
        frames.push(new Frame(kind, name, location, Frame.Mode.READ, null, null, opening));
        return null;
    }

    private String openPathSection(SectionKind kind, String name, String args, SourceLocation location) {
        List<String> words = ConfWords.split(args);
        boolean regex = kind.regex();
        String pattern = words.get(0);
        if (!regex && pattern.equals("~")) {
            regex = true;
            pattern = words.size() > 1 ? words.get(1) : "";
        }
        if (regex && (pattern.isEmpty() || !CommonHandlers.compiles(pattern))) {
            frames.push(Frame.skip(name, location));
            return "<" + kind.directive() + ">: Regex could not be compiled";
        }
        if (kind == SectionKind.DIRECTORY && !regex) {
            pattern = fragment.resolve(pattern);
        }
        SectionBuilder section = new SectionBuilder(kind.type(), pattern, regex, location);
        ServerBuilder server = fragment.main();
        for (Frame f : frames) {
            if (f.server != null) {
                server = f.server;
                break;
            }
        }
        server.addSection(section);
        frames.push(new Frame(kind, name, location, Frame.Mode.READ, null, section));
        return null;
    }
}
