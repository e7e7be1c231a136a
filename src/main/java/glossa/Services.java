package glossa;

import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.accounts.AccountService;
import glossa.accounts.ApiTokens;
import glossa.accounts.AuditLog;
import glossa.accounts.Passwords;
import glossa.accounts.SessionStore;
import glossa.accounts.SigninThrottle;
import glossa.accounts.Tokens;
import glossa.accounts.UserRepository;
import glossa.annotations.AnnotationExchange;
import glossa.annotations.AnnotationRepository;
import glossa.annotations.AnnotationService;
import glossa.annotations.MarginExtras;
import glossa.claims.ClaimRepository;
import glossa.claims.ClaimService;
import glossa.claims.Connections;
import glossa.claims.FullExchange;
import glossa.claims.StarterContent;
import glossa.essays.CorpusImporter;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayEditor;
import glossa.essays.EssayRepository;
import glossa.essays.EssayTemplates;
import glossa.essays.ImportReport;
import glossa.links.LinkRepository;
import glossa.links.LinkService;
import glossa.markdown.EssayRenderer;
import glossa.markdown.UserMarkdown;
import glossa.notifications.NotificationRoutes;
import glossa.search.SearchService;
import glossa.storage.ChangeFeed;
import glossa.storage.Database;
import glossa.storage.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The application's parts, wired once: the server ({@link App}, whose web side is {@link Site}) and every
 * command-line command build them here, so both obey the same rules. The server's instance also owns the database, the search
 * index and the report of the corpus imported at start, and closes them.
 */
final class Services implements AutoCloseable {

    static final String LINKED_NOTE =
            "This note carries links to other passages. Remove the links first, so that no one's link loses its end.";

    final Jdbc jdbc;
    final Clock clock;
    final ObjectMapper json = new ObjectMapper();
    final EssayRepository essays;
    final EssayCatalog catalog;
    final AuditLog audit;
    final UserRepository users;
    final Tokens tokens = new Tokens();
    final SessionStore sessions;
    final AccountService accounts;
    final AnnotationRepository annotations;
    final LinkRepository links;
    final AnnotationService annotationService;
    final LinkService linkService;
    final ClaimRepository claims;
    final ClaimService claimService;
    final EssayEditor essayEditor;
    final ApiTokens apiTokens;
    /** Each essay revision cut into blocks once, for the reading page and the notes' forms. */
    final EssayTemplates templates = new EssayTemplates();
    /** What links and claims add to an essay's margin and Connections panel. */
    final MarginExtras margin;
    /** The notifications feature: its routes, and the header's count of new ones. */
    final NotificationRoutes notifications;

    private Database database;
    private SearchService search;
    private ChangeFeed changes;
    private ImportReport startupImport;

    /** The server's parts: opens the database, imports the corpus folder if there is one, opens the search index. */
    static Services forServer(Config config, Clock clock) {
        Database database = Database.open(config.dbUrl());
        Services services = null;
        try {
            services = new Services(database.jdbc(), clock);
            services.database = database;
            if (config.corpusDir() != null && Files.isDirectory(config.corpusDir())) {
                // Servers starting together on one database take turns: the first imports, the others find it done.
                try (var lock = database.startupLock()) {
                    services.startupImport = services.importCorpus(config.corpusDir());
                }
            }
            // What other servers on this database write reaches this one's memory through the change log.
            services.changes = new ChangeFeed(services.jdbc, clock).start();
            services.changes.addListener(services.catalog);
            services.search = services.openSearch(config);
            return services;
        } catch (IOException e) {
            closeAfterFailedStart(services, database);
            throw new UncheckedIOException("could not read the corpus: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAfterFailedStart(services, database);
            throw e;
        }
    }

    /** Already failing to start: closes what was opened, keeping the first error as the one to report. */
    private static void closeAfterFailedStart(Services services, Database database) {
        if (services != null) {
            services.database = null; // closed below, once
            services.close();
        }
        database.close();
    }

    Services(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        essays = new EssayRepository(jdbc);
        catalog = new EssayCatalog(essays, clock);
        audit = new AuditLog(jdbc, clock);
        users = new UserRepository(jdbc);
        users.fillMissingSkeletons();
        sessions = new SessionStore(jdbc, tokens, clock);
        accounts = new AccountService(users, new Passwords(), sessions, new SigninThrottle(jdbc, clock), audit, clock);
        annotations = new AnnotationRepository(jdbc);
        links = new LinkRepository(jdbc);
        annotationService = new AnnotationService(
                jdbc,
                annotations,
                catalog,
                essays,
                new UserMarkdown(),
                audit,
                clock,
                id -> links.countTouching(id) == 0 ? null : LINKED_NOTE);
        linkService = new LinkService(jdbc, links, annotationService, clock);
        claims = new ClaimRepository(jdbc);
        claimService = new ClaimService(jdbc, claims, annotationService, new UserMarkdown(), audit, clock);
        essayEditor = new EssayEditor(jdbc, essays, new EssayRenderer(), catalog, clock, annotationService::reanchor);
        apiTokens = new ApiTokens(jdbc, tokens, clock);
        margin = new Connections(links, claims, catalog, linkService);
        notifications = new NotificationRoutes(jdbc);
    }

    Database database() {
        return database;
    }

    SearchService search() {
        return search;
    }

    /** The change log as this server follows it (the server's instance only). */
    ChangeFeed changes() {
        return changes;
    }

    ImportReport startupImport() {
        return startupImport;
    }

    /** Closes the change feed, the search index, then the database (the server's instance only). */
    @Override
    public void close() {
        if (changes != null) {
            changes.close();
        }
        if (search != null) {
            search.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Imports a corpus folder: the essays (carrying notes to new revisions), then the starter claims and links. */
    ImportReport importCorpus(Path dir) throws IOException {
        ImportReport report = new CorpusImporter(jdbc, essays, new EssayRenderer(), clock, annotationService::reanchor)
                .importDirectory(dir);
        catalog.reload();
        new StarterContent(claimService, claims, linkService, users, annotationService).importFrom(dir);
        return report;
    }

    /** Opens the search index in the data directory (building it when missing) and starts following the database. */
    SearchService openSearch(Config config) {
        return SearchService.start(
                config.dataDir().resolve("search-index"), config.dbUrl(), jdbc, essays, catalog, clock);
    }

    FullExchange exchange() {
        return new FullExchange(annotationExchange(), links, claims, users, json);
    }

    AnnotationExchange annotationExchange() {
        return new AnnotationExchange(jdbc, annotations, essays, users, json);
    }
}
