package glossa.accounts;

/** Package-private values of the accounts feature, for tests elsewhere. */
public final class AccountsAccess {

    private AccountsAccess() {}

    public static int contributionsPage() {
        return AccountController.CONTRIBUTIONS_PAGE;
    }
}
