package glossa.web;

import glossa.accounts.User;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Thymeleaf behind Javalin's {@link FileRenderer}. Developing, templates are read from the top-level
 * {@code templates/} folder on every request; in production from the jar, parsed once and cached.
 * Every page gets the request's base model ({@link PageModel}) merged under its own.
 */
public final class Templates implements FileRenderer {

    private final TemplateEngine engine = new TemplateEngine();
    private final Csrf csrf;
    private final ToIntFunction<User> unseen;

    public Templates(boolean dev, Path projectDir, Csrf csrf) {
        this(dev, projectDir, csrf, user -> 0);
    }

    /** {@code unseen} counts a signed-in reader's new notifications, for the header (asked only when shown). */
    public Templates(boolean dev, Path projectDir, Csrf csrf, ToIntFunction<User> unseen) {
        this.csrf = csrf;
        this.unseen = unseen;
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
        Map<String, Object> merged = new HashMap<>(PageModel.base(ctx, csrf, unseen));
        merged.putAll(model);
        return engine.process(template, new org.thymeleaf.context.Context(java.util.Locale.ENGLISH, merged));
    }
}
