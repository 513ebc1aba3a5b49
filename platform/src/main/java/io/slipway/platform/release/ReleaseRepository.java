package io.slipway.platform.release;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Releases of apps, newest first where order matters. */
public interface ReleaseRepository extends JpaRepository<Release, Long> {

    List<Release> findByAppOrderByNumberDesc(String app);

    Optional<Release> findByAppAndNumber(String app, int number);

    Optional<Release> findFirstByAppAndBundleDigestOrderByNumberDesc(String app, String bundleDigest);

    List<Release> findByBundleDigest(String bundleDigest);

    void deleteByApp(String app);
}
