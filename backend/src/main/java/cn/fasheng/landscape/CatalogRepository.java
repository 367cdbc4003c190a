package cn.fasheng.landscape;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface CatalogRepository extends ReactiveCrudRepository<LandscapeCatalog, String> {
}
