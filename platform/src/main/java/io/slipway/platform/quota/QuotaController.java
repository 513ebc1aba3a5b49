package io.slipway.platform.quota;

import io.slipway.platform.security.AccountRepository;
import io.slipway.platform.security.Owners;
import io.slipway.platform.security.TeamRepository;
import io.slipway.platform.audit.AuditLog;
import io.slipway.platform.web.BadRequestException;
import io.slipway.platform.web.NotFoundException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/quotas}, for admins: everyone's quota and each owner's own (a user, or
 * {@code team:NAME}). {@code PUT} sets an owner's limits (those left out stay the default);
 * {@code DELETE} gives the owner the default back.
 */
@RestController
@RequestMapping("/api/v1/quotas")
class QuotaController {

    private final Quotas quotas;
    private final QuotaOverrideRepository overrides;
    private final AccountRepository accounts;
    private final TeamRepository teams;
    private final AuditLog audit;

    QuotaController(Quotas quotas, QuotaOverrideRepository overrides, AccountRepository accounts, TeamRepository teams,
            AuditLog audit) {
        this.quotas = quotas;
        this.overrides = overrides;
        this.accounts = accounts;
        this.teams = teams;
        this.audit = audit;
    }

    /** An owner's quota as in force, and whether it is the owner's own. */
    record OwnerQuota(String owner, Quota quota, boolean custom) {
    }

    /** The default and every owner's own. */
    record QuotaList(Quota defaults, List<OwnerQuota> owners) {
    }

    @GetMapping
    QuotaList list() {
        return new QuotaList(quotas.defaults(), overrides.findAll().stream()
                .map(o -> new OwnerQuota(o.getOwner(), quotas.of(o.getOwner()), true)).toList());
    }

    @GetMapping("/{owner}")
    OwnerQuota get(@PathVariable String owner) {
        requireOwner(owner);
        return new OwnerQuota(owner, quotas.of(owner), overrides.existsById(owner));
    }

    @PutMapping("/{owner}")
    @Transactional
    OwnerQuota set(@PathVariable String owner, @RequestBody Map<String, Object> body) {
        requireOwner(owner);
        List<String> known = List.of("maxApps", "maxInstances", "maxCpus", "maxMemory", "maxBundleSize");
        body.keySet().stream().filter(key -> !known.contains(key)).findFirst().ifPresent(key -> {
            throw new BadRequestException("unknown field '" + key.replaceAll("[^\\x20-\\x7e]", "?") + "': use "
                    + String.join(", ", known));
        });
        QuotaOverride override = overrides.findById(owner).orElseGet(() -> new QuotaOverride(owner));
        Number cpus = number(body, "maxCpus");
        override.set(whole(body, "maxApps"), whole(body, "maxInstances"), cpus == null ? null : cpus.doubleValue(),
                bytes(body, "maxMemory"), bytes(body, "maxBundleSize"));
        overrides.save(override);
        audit.record(AuditLog.Action.QUOTA, null, "quota of " + owner + " set: " + body);
        return new OwnerQuota(owner, quotas.of(owner), true);
    }

    @DeleteMapping("/{owner}")
    @Transactional
    ResponseEntity<Void> reset(@PathVariable String owner) {
        QuotaOverride override = overrides.findById(owner)
                .orElseThrow(() -> new NotFoundException("'" + printable(owner) + "' has the default quota already"));
        overrides.delete(override);
        audit.record(AuditLog.Action.QUOTA, null, "quota of " + owner + " back to the default");
        return ResponseEntity.noContent().build();
    }

    private void requireOwner(String owner) {
        boolean exists = owner.startsWith(Owners.TEAM_PREFIX)
                ? teams.existsById(owner.substring(Owners.TEAM_PREFIX.length())) : accounts.existsById(owner);
        if (!exists) {
            throw new NotFoundException("no user or team '" + printable(owner) + "' (teams are written team:NAME)");
        }
    }

    private static Number number(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() > 1_000_000) {
            throw new BadRequestException(field + " must be a number from 0 to 1000000");
        }
        return number;
    }

    private static Integer whole(Map<String, Object> body, String field) {
        Number number = number(body, field);
        if (number != null && number.doubleValue() != Math.floor(number.doubleValue())) {
            throw new BadRequestException(field + " must be a whole number");
        }
        return number == null ? null : number.intValue();
    }

    private static Long bytes(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        try {
            long bytes = value instanceof Number number ? number.longValue() : DataSize.parse(value.toString()).toBytes();
            if (bytes < 0) {
                throw new IllegalArgumentException("negative");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field + " must be a size such as \"8GB\" or \"512MB\", or bytes");
        }
    }

    private static String printable(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
