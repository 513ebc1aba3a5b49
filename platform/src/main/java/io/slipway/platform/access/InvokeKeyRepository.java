package io.slipway.platform.access;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InvokeKeyRepository extends JpaRepository<InvokeKey, String> {

    List<InvokeKey> findByAppOrderByCreatedAt(String app);

    Optional<InvokeKey> findByAppAndId(String app, String id);

    long countByApp(String app);

    @org.springframework.transaction.annotation.Transactional
    void deleteByApp(String app);
}
