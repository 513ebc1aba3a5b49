package io.slipway.platform.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiTokenRepository extends JpaRepository<ApiToken, String> {

    Optional<ApiToken> findByHash(String hash);

    List<ApiToken> findByUsernameOrderByCreatedAt(String username);

    Optional<ApiToken> findByIdAndUsername(String id, String username);

    long deleteByUsername(String username);
}
