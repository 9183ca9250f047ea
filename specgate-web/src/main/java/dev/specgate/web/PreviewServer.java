package dev.specgate.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.specgate.core.discovery.SpecDiscovery;
import dev.specgate.core.project.SpecProject;
import dev.specgate.core.watch.SpecWatcher;
import dev.specgate.web.internal.Assets;
import dev.specgate.web.internal.CoreAdapter;
import dev.specgate.web.internal.IndexJson;
import dev.specgate.web.internal.LiveProject;
import dev.specgate.web.internal.PageNames;
import dev.specgate.web.internal.Pages;
import dev.specgate.web.internal.PlainErrors;
import dev.specgate.web.view.PageInfo;
import dev.specgate.web.view.SpecPage;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotAcceptableResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import io.javalin.util.JavalinBindException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code specgate serve}: the dashboard served live from memory. It watches the folders that hold
 * the specs, checks a spec again when it is saved, and tells open pages over server-sent events
 * ({@code /events}), which then fetch themselves again. It binds to the loopback address unless
 * told otherwise, answers only requests addressed to a loopback name when bound there (so another
 * web site cannot read the specs through DNS rebinding), and never writes to the specs.
 */
public final class PreviewServer implements AutoCloseable {

    /** The port used when none is given. */
    public static final int DEFAULT_PORT = 7420;

    /** The address bound when none is given. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final String CSP =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                    + " connect-src 'self'; base-uri 'none'; form-action 'none';"
                    + " frame-ancestors 'none'";

    private final String host;
    private final int requestedPort;
    private final LiveProject project;
    private final Pages pages = new Pages();
    private final Set<SseClient> clients = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Consumer<String> problems;

    /** The unreadable baseline's message last said ({@link #sayBaseline}), or null. */
    private final AtomicReference<String> baselineSaid = new AtomicReference<>();

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final boolean loopback;
    private final ProjectOpener opener;
    private volatile SpecProject specProject;

    /**
     * Why the changed configuration could not be used, as last said, or null when it was (or none
     * changed): the same reason is not said again.
     */
    private volatile String refusal;

    /**
     * Whether the changed configuration (or its template) could not be opened: the watcher asks for
     * the project again after a wait while it cannot ({@link #followed}). Not for a baseline that
     * cannot be read: trying that means checking every spec again.
     */
    private volatile boolean unopened;

    private Javalin app;
    private SpecWatcher watcher;

    /** Opens the project again, from its configuration as it is on disk now. */
    @FunctionalInterface
    public interface ProjectOpener {
        /**
         * The project as its configuration now says.
         *
         * @throws Exception when the configuration (or its template) cannot be used
         */
        SpecProject open() throws Exception;
    }

    private PreviewServer(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.loopback = isLoopback(b.host);
        this.problems = b.problems;
        this.specProject = b.project;
        this.opener = b.opener;
        CoreAdapter adapter = new CoreAdapter(b.project);
        // what Approved per week leaves out, said on the log as site says it on stderr
        this.project =
                new LiveProject(
                        b.root, adapter, b.today, SiteGenerator.projectName(b.root), b.problems);
    }

    public static Builder builder(Path root) {
        return new Builder(root);
    }

    private static final java.util.regex.Pattern LOOPBACK_V4 =
            java.util.regex.Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    /**
     * Whether a Host header's name (port removed, lower case) is a loopback name as written: {@code
     * localhost}, {@code [::1]} or a 127.x.y.z literal, never a name that would have to be resolved
     * ({@code 127.attacker.example} can be made to point anywhere).
     */
    static boolean isLoopbackName(String name) {
        return name.equals("localhost")
                || name.equals("[::1]")
                || LOOPBACK_V4.matcher(name).matches();
    }

    /** Whether {@code host} names a loopback address (resolving a name if needed). */
    public static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Checks every spec, starts the watcher and the web server.
     *
     * @throws DashboardException when there are no specs to serve, or the configured baseline
     *     cannot be read (the message is {@code check}'s)
     * @throws IOException when the folders cannot be watched
     */
    public synchronized PreviewServer start() throws IOException {
        if (app != null) {
            throw new IllegalStateException("the server is already started");
        }
        checkHost(host);
        try {
            project.reload();
        } catch (CoreAdapter.UnusableBaseline e) {
            throw DashboardException.of(e);
        }
        if (project.snapshot().views().isEmpty()) {
            throw DashboardException.noSpecs(
                    project.root(), project.nestedConfigs(), project.lookedFor());
        }
        SpecWatcher.Builder watch =
                SpecWatcher.builder(this::onChange)
                        .onLost(this::onOverflow)
                        .onProblem(problems)
                        .trees(watchedFolders())
                        .alone(Set.of(project.root()))
                        // its configuration, template and metadata files, as reconfigured
                        .project(this::followed);
        watcher = watch.start();
        app = Javalin.create(this::configure);
        try {
            app.start(host, requestedPort);
        } catch (JavalinBindException e) {
            watcher.close();
            app = null;
            throw new DashboardException(
                    "cannot listen on "
                            + host
                            + ":"
                            + requestedPort
                            + ": the port is in use (choose another with --port, or 0 for any"
                            + " free one)");
        } catch (RuntimeException e) {
            watcher.close();
            app = null;
            throw e;
        }
        return this;
    }

    /**
     * The host must name an address of this machine: a name that does not resolve, or an address of
     * another machine, is said as such (not blamed on the port).
     */
    static void checkHost(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new DashboardException(
                    "cannot listen on " + host + ": no such host name (it does not resolve)");
        }
        for (InetAddress a : addresses) {
            try {
                if (a.isAnyLocalAddress()
                        || a.isLoopbackAddress()
                        || java.net.NetworkInterface.getByInetAddress(a) != null) {
                    return;
                }
            } catch (java.net.SocketException e) {
                // cannot tell: try the next address, then refuse
            }
        }
        throw new DashboardException(
                "cannot listen on "
                        + host
                        + ": "
                        + addresses[0].getHostAddress()
                        + " is not an address of this machine");
    }

    private void configure(io.javalin.config.JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        // a request Jetty refuses before any route (/../../etc/passwd): a line, as every answer
        config.jetty.modifyServer(server -> server.setErrorHandler(new PlainErrors(CSP)));
        config.routes.before(this::guard);
        page(config, "/", ctx -> view(ctx, Pages.View.OVERVIEW));
        for (Pages.View v : Pages.VIEWS) {
            page(config, "/" + v.file(), ctx -> view(ctx, v));
        }
        page(config, "/" + IndexJson.FILE, this::json);
        page(config, "/" + PageNames.SPEC_FOLDER + "/{page}", this::spec);
        page(config, "/" + Assets.FOLDER + "/{name}", this::asset);
        config.routes.sse("/events", this::subscribe);
        // an address with no page: a line in the server's words, not Javalin's "Endpoint GET /x
        // not found" or a bare "no such spec"
        config.routes.error(
                404,
                "*",
                ctx -> {
                    boolean spec = ctx.path().startsWith("/" + PageNames.SPEC_FOLDER + "/");
                    ctx.header("Cache-Control", "no-store");
                    ctx.contentType("text/plain; charset=utf-8");
                    ctx.result((spec ? PlainErrors.NO_SUCH_SPEC : PlainErrors.said(404)) + "\n");
                });
        // a baseline that became unreadable while serving: check's message, not a server error
        config.routes.exception(
                CoreAdapter.UnusableBaseline.class,
                (e, ctx) -> {
                    sayBaseline(e.getMessage() + BASELINE_ADVICE);
                    ctx.status(503).contentType("text/plain; charset=utf-8");
                    ctx.header("Cache-Control", "no-store");
                    ctx.result("specgate: " + e.getMessage() + BASELINE_ADVICE + "\n");
                });
        config.routes.exception(
                Exception.class,
                (e, ctx) -> {
                    problems.accept("cannot answer " + ctx.path() + ": " + e);
                    ctx.status(500).contentType("text/plain; charset=utf-8");
                    ctx.result("Specgate could not make this page: " + e.getMessage());
                });
    }

    /**
     * Answers GET and HEAD alike (the server sends no body for HEAD), so that a link checker or
     * {@code curl -I} sees the same status and type as a browser.
     */
    private static void page(
            io.javalin.config.JavalinConfig config, String path, io.javalin.http.Handler handler) {
        config.routes.get(path, handler);
        config.routes.head(path, handler);
    }

    /** Said with an unreadable baseline's message while serving. */
    private static final String BASELINE_ADVICE =
            " (pages cannot show the specs as check reports them until it is fixed or taken out"
                    + " of .specgate.yml; they answer again as soon as it can be read)";

    /** Refuses requests for another host name when bound to loopback (DNS rebinding). */
    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CSP);
        if (!loopback) {
            acceptsEvents(ctx);
            return;
        }
        String hostHeader = Optional.ofNullable(ctx.header("Host")).orElse("");
        String name = hostHeader.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
        if (!isLoopbackName(name)) {
            throw new ForbiddenResponse("this preview answers only on localhost");
        }
        acceptsEvents(ctx);
    }

    /**
     * {@code /events} is a stream of server-sent events: a request that does not accept {@code
     * text/event-stream} gets 406 and a line saying so, not an empty page.
     */
    private static void acceptsEvents(Context ctx) {
        if (!ctx.path().equals("/events")) {
            return;
        }
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
        if (!accept.toLowerCase(Locale.ROOT).contains("text/event-stream")) {
            throw new NotAcceptableResponse(
                    "/events is a stream of server-sent events: request it with 'Accept:"
                            + " text/event-stream' (as a browser's EventSource does)");
        }
    }

    private PageInfo frame() {
        return project.withFields(
                new PageInfo(
                        "",
                        "",
                        "",
                        project.project(),
                        project.snapshot().portfolio().today().toString(),
                        true));
    }

    private void view(Context ctx, Pages.View view) {
        LiveProject.Snapshot s = project.current();
        html(ctx, pages.render(view, frame(), s.portfolio()));
    }

    private void spec(Context ctx) {
        String file = ctx.pathParam("page");
        if (!file.endsWith(".html")) {
            throw new NotFoundResponse("no such page");
        }
        String slug = file.substring(0, file.length() - ".html".length());
        SpecPage page = project.page(slug).orElseThrow(() -> new NotFoundResponse("no such spec"));
        html(ctx, pages.render(page, frame()));
    }

    private static void html(Context ctx, String body) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(body.getBytes(StandardCharsets.UTF_8));
    }

    private void json(Context ctx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IndexJson.write(project.current().portfolio(), out);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(out.toByteArray());
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] bytes = Assets.bytes(name).orElseThrow(() -> new NotFoundResponse("no such file"));
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(Assets.contentType(name));
        ctx.result(bytes);
    }

    private void subscribe(SseClient client) {
        client.keepAlive();
        clients.add(client);
        client.onClose(() -> clients.remove(client));
        client.sendComment("connected");
    }

    /**
     * Says why the baseline cannot be read, once: not again for each page answered 503 while it
     * stays so, but again after a change of the specs or when the reason changes.
     */
    private void sayBaseline(String message) {
        if (!message.equals(baselineSaid.getAndSet(message))) {
            problems.accept(message);
        }
    }

    private void onChange(Set<Path> changed) {
        baselineSaid.set(null); // a change is checked again: its outcome is worth saying
        if (touchesConfiguration(changed)) {
            reconfigure();
            return;
        }
        try {
            if (project.behind()) {
                // specs changed while the baseline could not be read: check them all again
                project.reload();
                broadcast(List.of());
                return;
            }
            List<String> paths = project.update(changed);
            if (!paths.isEmpty()) {
                broadcast(paths);
            }
        } catch (CoreAdapter.UnusableBaseline e) {
            sayBaseline(e.getMessage() + BASELINE_ADVICE);
        } catch (RuntimeException e) {
            problems.accept("cannot check the changed specs again: " + e);
        }
    }

    /**
     * Whether a change concerns a configuration file, or the configuration or the template the
     * project follows.
     */
    private boolean touchesConfiguration(Set<Path> changed) {
        Set<Path> files = new HashSet<>();
        specProject.configFile().ifPresent(f -> files.add(f.toAbsolutePath().normalize()));
        specProject.templateFile().ifPresent(f -> files.add(f.toAbsolutePath().normalize()));
        for (Path p : changed) {
            if (SpecWatcher.isConfiguration(p) || files.contains(p.toAbsolutePath().normalize())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The project the watcher follows (its configuration, template and metadata files): the one
     * served, or, while a changed configuration could not be used, nothing after trying it again.
     * The template a refused configuration names may lie in a folder not watched yet (an editor
     * still writing it when the configuration was read), so no event would say when it can be used:
     * the watcher asks again after a wait until it opens.
     */
    private Optional<SpecProject> followed() {
        if (unopened) {
            reconfigure();
        }
        return unopened ? Optional.empty() : Optional.of(specProject);
    }

    /**
     * Opens the project again after its configuration or template changed, and checks every spec
     * with it. A configuration that cannot be used is reported (once while its reason stays), and
     * the last good one stays.
     */
    private void reconfigure() {
        if (opener == null) {
            return;
        }
        SpecProject next;
        try {
            next = opener.open();
        } catch (Exception e) {
            unopened = true;
            refuse(e.getMessage());
            return;
        }
        unopened = false;
        try {
            project.reconfigure(new CoreAdapter(next));
            specProject = next;
            refusal = null;
            problems.accept(
                    "configuration reloaded"
                            + next.configFile().map(f -> " from " + f).orElse("")
                            + "; every spec checked again");
            broadcast(List.of());
        } catch (CoreAdapter.UnusableBaseline e) {
            refuse(e.getMessage());
        } catch (RuntimeException e) {
            problems.accept("cannot check the specs with the changed configuration: " + e);
        }
    }

    /** Says why the changed configuration cannot be used, unless that was the last thing said. */
    private void refuse(String why) {
        String message =
                "cannot use the changed configuration: "
                        + why
                        + " (still serving with the previous one)";
        if (!message.equals(refusal)) {
            problems.accept(message);
        }
        refusal = message;
    }

    private void onOverflow() {
        try {
            project.reload();
            broadcast(List.of());
        } catch (RuntimeException e) {
            problems.accept("cannot read the specs again: " + e);
        }
    }

    private void broadcast(List<String> paths) {
        StringBuilder json = new StringBuilder("{\"paths\":[");
        for (int i = 0; i < paths.size(); i++) {
            json.append(i == 0 ? "" : ",").append(jsonString(paths.get(i)));
        }
        json.append("]}");
        for (SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
                continue;
            }
            try {
                c.sendEvent("change", json.toString());
            } catch (RuntimeException e) {
                clients.remove(c);
            }
        }
    }

    private static String jsonString(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /**
     * The folders to watch: each spec's folder, and each {@code directives/spec} folder that holds
     * specs (with its subfolders, so new ones are seen).
     */
    private Set<Path> watchedFolders() {
        Set<Path> folders = new HashSet<>();
        for (Path spec : project.snapshot().views().keySet()) {
            Path dir = spec.getParent();
            folders.add(dir);
            for (Path p = dir; p != null && p.getParent() != null; p = p.getParent()) {
                if (p.getFileName().toString().equals(SpecDiscovery.SPEC_FOLDER)
                        && p.getParent().getFileName() != null
                        && p.getParent()
                                .getFileName()
                                .toString()
                                .equals(SpecDiscovery.DIRECTIVES)) {
                    folders.add(p);
                    break;
                }
            }
        }
        return folders;
    }

    /** The port the server listens on. */
    public int port() {
        if (app == null) {
            throw new IllegalStateException("the server is not started");
        }
        return app.port();
    }

    /** The address to open in a browser. */
    public URI uri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if (h.equals("0.0.0.0") || h.equals("[::]")) {
            h = "localhost";
        }
        return URI.create("http://" + h + ":" + port() + "/");
    }

    /** Number of specs being served. */
    public int specCount() {
        return project.snapshot().views().size();
    }

    /**
     * The configurations ({@code .specgate.yml}) below the root that keep their own project, whose
     * specs are not served, as the server's last look at the specs found them.
     */
    public List<Path> nestedConfigs() {
        return project.nestedConfigs();
    }

    /** Number of open live pages. */
    public int liveClients() {
        return clients.size();
    }

    /** Blocks until {@link #close()} has run. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (SseClient c : clients) {
                try {
                    c.close();
                } catch (RuntimeException e) {
                    // the client is gone already
                }
            }
            clients.clear();
            if (app != null) {
                app.stop();
            }
            project.close();
            stopped.countDown();
        }
    }

    /** Configures a {@link PreviewServer}. */
    public static final class Builder {
        private final Path root;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private SpecProject project = SpecProject.builtin();
        private ProjectOpener opener;
        private Supplier<LocalDate> today = () -> LocalDate.now(Clock.systemDefaultZone());
        private Consumer<String> problems = message -> {};

        private Builder(Path root) {
            this.root = requireNonNull(root, "root must not be null");
        }

        /** The address to bind (default {@value PreviewServer#DEFAULT_HOST}). */
        public Builder host(String host) {
            this.host = requireNonNull(host, "host must not be null");
            return this;
        }

        /** The port (default {@value PreviewServer#DEFAULT_PORT}; 0 picks a free one). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " must be 0 to 65535");
            }
            this.port = port;
            return this;
        }

        /**
         * The project every verdict comes from: its template, rules and discovery (default: the
         * built-in template and rules, no configuration).
         */
        public Builder project(SpecProject project) {
            this.project = requireNonNull(project, "project must not be null");
            return this;
        }

        /** The date overdue dates are measured against (default: the system date, each time). */
        public Builder today(Supplier<LocalDate> today) {
            this.today = requireNonNull(today, "today must not be null");
            return this;
        }

        /**
         * Where to report problems that do not stop the server (a page that cannot be made, a spec
         * that cannot be checked again); default: nowhere.
         */
        public Builder onProblem(Consumer<String> problems) {
            this.problems = requireNonNull(problems, "problems must not be null");
            return this;
        }

        /**
         * How to open the project again when its {@code .specgate.yml} or template changes
         * (default: never; the project given to {@link #project} stays).
         */
        public Builder reopen(ProjectOpener opener) {
            this.opener = requireNonNull(opener, "opener must not be null");
            return this;
        }

        public PreviewServer build() {
            return new PreviewServer(this);
        }
    }
}
