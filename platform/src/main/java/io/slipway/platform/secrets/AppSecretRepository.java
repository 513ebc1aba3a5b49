package io.slipway.platform.secrets;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

interface AppSecretRepository extends JpaRepository<AppSecret, Long> {

    List<AppSecret> findByAppOrderByName(String app);

    Optional<AppSecret> findByAppAndName(String app, String name);

    Optional<AppSecret> findFirstByOrderById();

    @Transactional
    void deleteByApp(String app);
}
