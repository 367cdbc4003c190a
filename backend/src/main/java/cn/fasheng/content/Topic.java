package cn.fasheng.content;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A 专题 (thematic block): the editable list editors file content under; content refers to it by slug. */
@Document("topics")
public record Topic(@Id String id, @Indexed(unique = true) String slug, String name, String description, int position,
        @Version Long version) {
}
