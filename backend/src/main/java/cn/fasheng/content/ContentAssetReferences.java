package cn.fasheng.content;

import org.springframework.stereotype.Component;

import cn.fasheng.media.AssetReferences;
import reactor.core.publisher.Flux;

/** Content items link to media assets: an asset in use cannot be deleted. */
@Component
class ContentAssetReferences implements AssetReferences {

    private final ContentRepository contents;

    ContentAssetReferences(ContentRepository contents) {
        this.contents = contents;
    }

    @Override
    public Flux<String> usersOf(String assetId) {
        return contents.findByMediaAssetId(assetId).map(c -> c.getKind().label() + "《" + c.getTitle() + "》");
    }

    @Override
    public Flux<String> referencedAssetIds() {
        return contents.findByMediaAssetIdNotNull().map(Content::getMediaAssetId).distinct();
    }
}
