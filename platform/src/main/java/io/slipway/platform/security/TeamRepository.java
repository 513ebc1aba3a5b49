package io.slipway.platform.security;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamRepository extends JpaRepository<Team, String> {

    @Query("select t from Team t join t.members m where m = :username order by t.name")
    List<Team> findByMember(String username);
}
