package io.slipway.platform.deploy;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Deployments of apps. */
public interface DeploymentRepository extends JpaRepository<Deployment, String> {

    List<Deployment> findByAppOrderByCreatedAtDesc(String app);

    Optional<Deployment> findByAppAndId(String app, String id);

    List<Deployment> findByStatusIn(List<DeploymentStatus> statuses);

    void deleteByApp(String app);
}
