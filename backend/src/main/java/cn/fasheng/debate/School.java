package cn.fasheng.debate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A school (Tabbycat's institution): teams of one school never meet in the preliminaries. */
@Document("debate_schools")
@CompoundIndex(name = "contest_name", def = "{'contestId': 1, 'name': 1}", unique = true)
public record School(@Id String id, @Indexed String contestId, String name, String importId, @Version Long version) {
}
