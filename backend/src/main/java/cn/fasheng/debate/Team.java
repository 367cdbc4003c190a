package cn.fasheng.debate;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A school's team and its debaters (more than the format needs: the rest are reserves). */
@Document("debate_teams")
@CompoundIndex(name = "contest_name", def = "{'contestId': 1, 'name': 1}", unique = true)
public record Team(@Id String id, @Indexed String contestId, String schoolId, String name, List<Debater> debaters,
        String importId, @Version Long version) {

    public record Debater(String id, String name) {
    }

    public Debater debater(String debaterId) {
        return debaters.stream().filter(d -> d.id().equals(debaterId)).findFirst().orElse(null);
    }
}
