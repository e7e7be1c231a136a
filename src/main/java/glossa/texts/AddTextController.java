package glossa.texts;

import glossa.accounts.Access;
import glossa.accounts.Role;
import glossa.accounts.User;
import glossa.errors.Rejection;
import glossa.essays.Draft;
import glossa.essays.EssayEditor;
import glossa.essays.NewText;
import glossa.web.ErrorPages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Add a text": the form, its preview (a round trip through the server: the rendered text, its address,
 * and for an uploaded web page the debris left out) and the save. An upload only ever fills the form
 * for a preview; the text is stored when the editor presses "Add the text".
 */
final class AddTextController {

    private final EssayEditor editor;

    AddTextController(EssayEditor editor) {
        this.editor = editor;
    }

    public void showForm(Context ctx) {
        Access.requireRole(ctx, Role.EDITOR);
        ctx.render("texts/new", model(new TextFields(), ""));
    }

    public void process(Context ctx) {
        User user = Access.requireRole(ctx, Role.EDITOR);
        TextFields fields = new TextFields();
        for (String n : TextFields.NAMES) {
            fields.put(n, ctx.formParam(n));
        }
        String markdown = ctx.formParam("markdown") == null ? "" : ctx.formParam("markdown");
        Map<String, Object> m = model(fields, markdown);
        try {
            UploadedFile file = ctx.uploadedFile("file");
            boolean uploaded =
                    file != null && file.filename() != null && !file.filename().isBlank();
            if (uploaded) {
                Converted c = Upload.read(file.filename(), bytes(file));
                fields.fillEmptyFrom(c.fields());
                markdown = c.markdown();
                m = model(fields, markdown);
                m.put("debris", c.debris());
                m.put("uploaded", file.filename());
            }
            NewText text = new NewText(
                    fields.get("title"),
                    fields.get("author"),
                    fields.get("publication"),
                    fields.get("date"),
                    fields.get("source_url"),
                    markdown);
            Draft draft = editor.draftNew(text);
            if (!uploaded && "save".equals(ctx.formParam("action"))) {
                editor.create(user.id(), draft, "Added");
                ctx.redirect("/essays/" + draft.meta().slug(), HttpStatus.SEE_OTHER);
                return;
            }
            m.put("slug", draft.meta().slug());
            m.put("previewHtml", draft.rendered().html());
            m.put("wordCount", draft.rendered().wordCount());
            ctx.render("texts/new", m);
        } catch (Rejection e) {
            m.put("errors", Map.of(e.field() == null ? "markdown" : e.field(), e.getMessage()));
            ctx.status(ErrorPages.status(e.reason())).render("texts/new", m);
        }
    }

    private static byte[] bytes(UploadedFile file) throws InvalidText {
        if (file.size() > Upload.MAX_BYTES) {
            throw new InvalidText("file", "The file \u201c" + file.filename() + "\u201d is larger than 2 MB.");
        }
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidText("file", "The file could not be read; upload it again.");
        }
    }

    private static Map<String, Object> model(TextFields fields, String markdown) {
        Map<String, Object> m = new HashMap<>();
        m.put("values", fields.asMap());
        m.put("markdown", markdown);
        m.put("errors", Map.of());
        m.put("debris", List.of());
        m.put("uploaded", "");
        m.put("slug", "");
        m.put("previewHtml", "");
        m.put("wordCount", 0);
        return m;
    }
}
