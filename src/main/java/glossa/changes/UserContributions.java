package glossa.changes;

import glossa.accounts.Contribution;
import glossa.accounts.Contributions;
import glossa.storage.Jdbc;
import java.util.List;

/** A user's notes, replies and links for their page, read like recent changes (so hidden and deleted ones never show). */
public final class UserContributions implements Contributions {

    private final ChangeRepository changes;

    public UserContributions(Jdbc jdbc) {
        this.changes = new ChangeRepository(jdbc);
    }

    @Override
    public List<Contribution> page(String username, int offset, int limit) {
        return changes.contributions(username, offset, limit).stream()
                .map(c -> new Contribution(c.kind(), c.href(), c.essay(), c.title(), c.detail(), c.at()))
                .toList();
    }
}
