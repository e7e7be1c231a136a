package glossa.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Thymeleaf behind Javalin's {@link FileRenderer}. Developing, templates are read from the top-level
 * {@code templates/} folder on every request; in production from the jar, parsed once and cached.
 * Every page gets the request's base model ({@link PageModel}) merged under its own.
 */
public final class Templates implements FileRenderer {

    private final TemplateEngine engine = new TemplateEngine();
    private final Csrf csrf;
    private final ToIntFunction<Context> unseen;
    private final Assets assets;
    private final PageExtras extras;

    public Templates(boolean dev, Path projectDir, Csrf csrf) {
        this(dev, projectDir, csrf, ctx -> 0, new Assets(dev), new PageExtras());
    }

    /**
     * {@code unseen} counts the requesting reader's new notifications, for the header (asked only when
     * shown; 0 for anonymous readers): the notifications feature provides it, so web knows no account type.
     * {@code assets} names static files by their content hash; {@code extras} holds what features add to
     * each other's pages.
     */
    public Templates(
            boolean dev, Path projectDir, Csrf csrf, ToIntFunction<Context> unseen, Assets assets, PageExtras extras) {
        this.csrf = csrf;
        this.extras = extras;
        this.unseen = unseen;
        this.assets = assets;
        AbstractConfigurableTemplateResolver resolver;
        if (dev) {
            resolver = new FileTemplateResolver();
            resolver.setPrefix(projectDir.resolve("templates").toAbsolutePath() + "/");
        } else {
            resolver = new ClassLoaderTemplateResolver();
            resolver.setPrefix("templates/");
        }
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(!dev);
        engine.setTemplateResolver(resolver);
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        return engine.process(template, context(model, ctx));
    }

    /** One fragment of a template ({@code selector}, e.g. "nav"), with the request's base model and {@code model}. */
    public String renderFragment(String template, String selector, Map<String, ?> model, Context ctx) {
        return engine.process(template, java.util.Set.of(selector), context(model, ctx));
    }

    private org.thymeleaf.context.Context context(Map<String, ?> model, Context ctx) {
        Map<String, Object> merged = new HashMap<>(PageModel.base(ctx, csrf, unseen, extras));
        merged.put("assets", assets);
        merged.putAll(model);
        return new org.thymeleaf.context.Context(java.util.Locale.ENGLISH, merged);
    }
}
