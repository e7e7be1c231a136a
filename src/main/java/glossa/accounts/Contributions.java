package glossa.accounts;

import java.util.List;

/** A user's contributions, newest first: {@code limit + 1} at most, so the caller knows whether more follow. */
public interface Contributions {
    List<Contribution> page(String username, int offset, int limit);
}
