package io.slipway.platform.security;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tokens}: the caller's own personal API tokens. A new token's value is in the answer
 * to its POST and nowhere else, ever ({@code Accept: text/plain} gives just the value, for scripts).
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private final ApiTokens tokens;
    private final Owners owners;

    TokenController(ApiTokens tokens, Owners owners) {
        this.tokens = tokens;
        this.owners = owners;
    }

    /** A token as listed: never its value. */
    record TokenView(String id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
        static TokenView of(ApiToken token) {
            return new TokenView(token.getId(), token.getName(), token.getPrefix() + "...", token.getCreatedAt(),
                    token.getLastUsedAt());
        }
    }

    /** A token just made, with its value (shown this once). */
    record MintedView(String id, String name, String prefix, Instant createdAt, String token) {
    }

    @GetMapping
    List<TokenView> list() {
        return tokens.of(me()).stream().map(TokenView::of).toList();
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody(required = false) Map<String, Object> body,
            @RequestHeader(name = "Accept", required = false) String accept) {
        Object name = body == null ? null : body.get("name");
        ApiTokens.Minted minted = tokens.create(me(), name instanceof String text ? text : null);
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/v1/tokens/" + minted.token().getId()))
                .header("Cache-Control", "no-store");
        if (accept != null && accept.startsWith(MediaType.TEXT_PLAIN_VALUE)) {
            return created.contentType(MediaType.TEXT_PLAIN).body(minted.value() + "\n");
        }
        ApiToken token = minted.token();
        return created.body(new MintedView(token.getId(), token.getName(), token.getPrefix() + "...",
                token.getCreatedAt(), minted.value()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        tokens.revoke(me(), id);
        return ResponseEntity.noContent().build();
    }

    private String me() {
        return owners.current().orElseThrow().username();
    }
}
