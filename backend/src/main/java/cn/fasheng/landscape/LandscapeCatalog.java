package cn.fasheng.landscape;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The editable lists sites are filed under: the district's streets (街道/镇) and the kinds of site. */
@Document("landscape_catalog")
public record LandscapeCatalog(@Id String id, List<String> streets, List<String> categories, @Version Long version) {

    static final String ID = "catalog";

    static LandscapeCatalog defaults() {
        return new LandscapeCatalog(ID, List.of("定海路街道", "平凉路街道", "江浦路街道", "四平路街道", "控江路街道",
                "长白新村街道", "延吉新村街道", "殷行街道", "大桥街道", "五角场街道", "新江湾城街道", "长海路街道"),
                List.of("法治公园", "法治广场", "宪法主题", "民法典主题", "法治长廊", "法治文化墙", "法律服务点", "其他"), null);
    }
}
