package cn.fasheng.publishing;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import cn.fasheng.platform.error.ProblemException;

/** A post that breaks channel limits; each broken limit is named with its field, like a validation error. */
public class ChannelLimitsException extends ProblemException {

    public ChannelLimitsException(Channel channel, List<Map<String, String>> errors) {
        super(HttpStatus.BAD_REQUEST, "不符合" + channel.label() + "的要求",
                channel.label() + "：" + String.join("；", errors.stream().map(e -> e.get("message")).toList()));
        getBody().setProperty("errors", errors);
    }
}
