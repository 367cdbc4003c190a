package cn.fasheng.debate;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A judge (评委); never placed on a match of a school they come from or declared a conflict with. */
@Document("debate_judges")
public record Judge(@Id String id, @Indexed String contestId, String name, String affiliation,
        List<String> conflictSchoolIds, @Version Long version) {

    public boolean conflictsWith(String schoolId) {
        return conflictSchoolIds != null && conflictSchoolIds.contains(schoolId);
    }
}
