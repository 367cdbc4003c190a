package cn.fasheng.publishing;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One post's figures on one Shanghai day, as the channel reported them. {@code reported} is what arrived, under the
 * channel's own names (Bilibili: running totals; WeChat: that day's figures); {@code gained} is the day's increase
 * under the project's names ({@link ChannelFigures#VIEWS} and the rest), which the dashboard adds up.
 */
@Document("channel_figures")
@CompoundIndex(name = "day", def = "{'day': 1, 'channel': 1}")
@CompoundIndex(name = "post_day", def = "{'postId': 1, 'day': -1}")
record ChannelFigure(@Id String id, Channel channel, String postId, String contentId, String day,
        Map<String, Long> reported, Map<String, Long> gained, Instant fetchedAt) {

    static String id(Channel channel, String postId, String day) {
        return channel.name() + ":" + postId + ":" + day;
    }
}
