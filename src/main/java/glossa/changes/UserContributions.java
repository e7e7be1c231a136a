package glossa.changes;

import glossa.accounts.AccountController;
import glossa.storage.Jdbc;

import java.util.List;

/** A user's notes, replies and links for their page, read like recent changes (so hidden and deleted ones never show). */
public final class UserContributions implements AccountController.Contributions {

    private final ChangeRepository changes;

    public UserContributions(Jdbc jdbc) {
        this.changes = new ChangeRepository(jdbc);
    }

    @Override
    public List<AccountController.Contribution> page(String username, int offset, int limit) {
        return changes.contributions(username, offset, limit).stream()
                .map(c -> new AccountController.Contribution(c.kind(), c.href(), c.essay(), c.title(), c.detail(), c.at())).toList();
    }
}
