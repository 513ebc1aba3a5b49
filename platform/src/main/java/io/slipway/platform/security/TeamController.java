package io.slipway.platform.security;

import io.slipway.platform.app.AppRepository;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/teams}: teams and their members, for admins. A team owns apps as {@code team:NAME}. */
@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

    private final Accounts accounts;
    private final AppRepository apps;

    TeamController(Accounts accounts, AppRepository apps) {
        this.accounts = accounts;
        this.apps = apps;
    }

    /** A team as the API shows it. */
    record TeamView(String name, String owner, Set<String> members, Instant createdAt) {
        static TeamView of(Team team) {
            return new TeamView(team.getName(), team.owner(), Set.copyOf(team.getMembers()), team.getCreatedAt());
        }
    }

    @GetMapping
    List<TeamView> list() {
        return accounts.teams().stream().map(TeamView::of).toList();
    }

    @PostMapping
    ResponseEntity<TeamView> create(@RequestBody Map<String, Object> body) {
        Team team = accounts.createTeam(UserController.text(body, "name"));
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.getName())).body(TeamView.of(team));
    }

    @GetMapping("/{team}")
    TeamView get(@PathVariable String team) {
        return TeamView.of(accounts.team(team));
    }

    @DeleteMapping("/{team}")
    ResponseEntity<Void> delete(@PathVariable String team) {
        accounts.deleteTeam(team, apps.countByOwner(Owners.TEAM_PREFIX + team));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{team}/members/{username}")
    TeamView addMember(@PathVariable String team, @PathVariable String username) {
        return TeamView.of(accounts.addMember(team, username));
    }

    @DeleteMapping("/{team}/members/{username}")
    TeamView removeMember(@PathVariable String team, @PathVariable String username) {
        return TeamView.of(accounts.removeMember(team, username));
    }
}
