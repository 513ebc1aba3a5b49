package io.slipway.platform.app;

import org.springframework.data.jpa.repository.JpaRepository;

/** Apps by name. */
public interface AppRepository extends JpaRepository<App, String> {

    long countByOwner(String owner);
}
