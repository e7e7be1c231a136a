package glossa;

import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.accounts.AccountService;
import glossa.accounts.AuditLog;
import glossa.accounts.Passwords;
import glossa.accounts.SessionStore;
import glossa.accounts.SigninThrottle;
import glossa.accounts.Tokens;
import glossa.accounts.UserRepository;
import glossa.annotations.AnnotationExchange;
import glossa.annotations.AnnotationRepository;
import glossa.annotations.AnnotationService;
import glossa.claims.ClaimRepository;
import glossa.claims.ClaimService;
import glossa.claims.FullExchange;
import glossa.claims.StarterContent;
import glossa.essays.CorpusImporter;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayEditor;
import glossa.essays.EssayRepository;
import glossa.essays.ImportReport;
import glossa.links.LinkRepository;
import glossa.links.LinkService;
import glossa.markdown.EssayRenderer;
import glossa.markdown.UserMarkdown;
import glossa.search.SearchService;
import glossa.storage.Jdbc;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The application's parts below the web layer, wired once: the server ({@link App}) and every
 * command-line command build them here, so both obey the same rules.
 */
final class Services {

    static final String LINKED_NOTE = "This note carries links to other passages. Remove the links first, so that no one's link loses its end.";

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
        annotationService = new AnnotationService(jdbc, annotations, catalog, essays, new UserMarkdown(), audit, clock,
                id -> links.countTouching(id) == 0 ? null : LINKED_NOTE);
        linkService = new LinkService(jdbc, links, annotationService, clock);
        claims = new ClaimRepository(jdbc);
        claimService = new ClaimService(jdbc, claims, annotationService, new UserMarkdown(), audit, clock);
        essayEditor = new EssayEditor(jdbc, essays, new EssayRenderer(), catalog, clock, annotationService::reanchor);
    }

    /** Imports a corpus folder: the essays (carrying notes to new revisions), then the starter claims and links. */
    ImportReport importCorpus(Path dir) throws IOException {
        ImportReport report = new CorpusImporter(jdbc, essays, new EssayRenderer(), clock, annotationService::reanchor).importDirectory(dir);
        catalog.reload();
        new StarterContent(claimService, claims, linkService, users, annotationService).importFrom(dir);
        return report;
    }

    /** Opens the search index in the data directory (building it when missing) and starts following the database. */
    SearchService openSearch(Config config) {
        return SearchService.start(config.dataDir().resolve("search-index"), config.dbUrl(), jdbc, essays, catalog, clock);
    }

    FullExchange exchange() {
        return new FullExchange(annotationExchange(), links, claims, users, json);
    }

    AnnotationExchange annotationExchange() {
        return new AnnotationExchange(jdbc, annotations, essays, users, json);
    }
}
