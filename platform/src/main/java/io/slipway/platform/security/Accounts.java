package io.slipway.platform.security;

import io.slipway.platform.audit.AuditLog;
import io.slipway.platform.web.BadRequestException;
import io.slipway.platform.web.ConflictException;
import io.slipway.platform.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/** Users and teams: made, changed and removed by admins; passwords kept only as hashes. */
public class Accounts {

    /** User and team names: short, lowercase, safe in URLs, paths and logs. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    /** Passwords shorter than this are refused. */
    public static final int MIN_PASSWORD = 12;

    private static final int MAX_PASSWORD = 128;

    private final AccountRepository accounts;
    private final TeamRepository teams;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    public Accounts(AccountRepository accounts, TeamRepository teams, ApiTokenRepository tokens, PasswordEncoder encoder,
            AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.teams = teams;
        this.tokens = tokens;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Account create(String username, String password, Role role) {
        checkName("user", username);
        checkPassword(password);
        if (role == null) {
            throw new BadRequestException("role must be admin or member");
        }
        if (accounts.existsById(username) || teams.existsById(username)) {
            throw new ConflictException("the name '" + username + "' is taken");
        }
        Account account = accounts.save(new Account(username, encoder.encode(password), role, clock.instant()));
        audit.record(AuditLog.Action.CREATE_USER, null, username + " (" + role.name().toLowerCase() + ")");
        return account;
    }

    @Transactional(readOnly = true)
    public List<Account> list() {
        return accounts.findAll(Sort.by("username"));
    }

    @Transactional(readOnly = true)
    public Account get(String username) {
        return accounts.findById(username).orElseThrow(() -> new NotFoundException("no user '" + printable(username) + "'"));
    }

    @Transactional
    public Account setRole(String username, Role role) {
        Account account = get(username);
        if (account.getRole() == Role.ADMIN && role != Role.ADMIN && accounts.countByRole(Role.ADMIN) == 1) {
            throw new ConflictException("'" + username + "' is the last admin; make another admin first");
        }
        account.setRole(role);
        audit.record(AuditLog.Action.CHANGE_USER, null, username + " is now " + role.name().toLowerCase());
        return account;
    }

    @Transactional
    public void setPassword(String username, String password) {
        checkPassword(password);
        get(username).setPasswordHash(encoder.encode(password));
        audit.record(AuditLog.Action.CHANGE_USER, null, "password of " + username + " changed");
    }

    /** Removes a user and its tokens; refused while it still owns apps (they would have no owner). */
    @Transactional
    public void delete(String username, long appsOwned) {
        Account account = get(username);
        if (account.getRole() == Role.ADMIN && accounts.countByRole(Role.ADMIN) == 1) {
            throw new ConflictException("'" + username + "' is the last admin");
        }
        if (appsOwned > 0) {
            throw new ConflictException("'" + username + "' owns " + appsOwned + " app(s); delete them or give them to"
                    + " another owner first");
        }
        tokens.deleteByUsername(username);
        teams.findByMember(username).forEach(team -> team.getMembers().remove(username));
        accounts.delete(account);
        audit.record(AuditLog.Action.DELETE_USER, null, username);
    }

    @Transactional
    public Team createTeam(String name) {
        checkName("team", name);
        if (teams.existsById(name) || accounts.existsById(name)) {
            throw new ConflictException("the name '" + name + "' is taken");
        }
        Team team = teams.save(new Team(name, clock.instant()));
        audit.record(AuditLog.Action.CHANGE_TEAM, null, "team " + name + " created");
        return team;
    }

    @Transactional(readOnly = true)
    public List<Team> teams() {
        return teams.findAll(Sort.by("name"));
    }

    @Transactional(readOnly = true)
    public Team team(String name) {
        return teams.findById(name).orElseThrow(() -> new NotFoundException("no team '" + printable(name) + "'"));
    }

    @Transactional
    public Team addMember(String teamName, String username) {
        Team team = team(teamName);
        get(username);
        team.getMembers().add(username);
        audit.record(AuditLog.Action.CHANGE_TEAM, null, username + " added to team " + teamName);
        return team;
    }

    @Transactional
    public Team removeMember(String teamName, String username) {
        Team team = team(teamName);
        if (!team.getMembers().remove(username)) {
            throw new NotFoundException("'" + printable(username) + "' is not in team " + teamName);
        }
        audit.record(AuditLog.Action.CHANGE_TEAM, null, username + " removed from team " + teamName);
        return team;
    }

    @Transactional
    public void deleteTeam(String name, long appsOwned) {
        Team team = team(name);
        if (appsOwned > 0) {
            throw new ConflictException("team " + name + " owns " + appsOwned + " app(s); delete them or give them to"
                    + " another owner first");
        }
        teams.delete(team);
        audit.record(AuditLog.Action.CHANGE_TEAM, null, "team " + name + " deleted");
    }

    static void checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadRequestException(what + " name " + (name == null ? "null" : "'" + printable(name) + "'")
                    + " is invalid: use 1-32 lowercase letters, digits, '-' and '_', starting with a letter");
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new BadRequestException("password must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > MAX_PASSWORD) {
            throw new BadRequestException("password must be at most " + MAX_PASSWORD + " characters");
        }
    }

    /** A name from a request, safe to echo in a message. */
    static String printable(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
