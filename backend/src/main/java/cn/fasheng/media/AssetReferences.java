package cn.fasheng.media;

import reactor.core.publisher.Flux;

/** Who uses assets: implemented by the features that link to them (content), asked before deleting. */
public interface AssetReferences {

    /** Titles of what uses the asset, for the editor's message; empty when nothing does. */
    Flux<String> usersOf(String assetId);

    /** Every asset id referenced anywhere, for the consistency check. */
    Flux<String> referencedAssetIds();
}
