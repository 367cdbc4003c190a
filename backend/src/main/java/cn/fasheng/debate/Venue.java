package cn.fasheng.debate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A room where matches are held. */
@Document("debate_venues")
public record Venue(@Id String id, @Indexed String contestId, String name, String address, @Version Long version) {
}
