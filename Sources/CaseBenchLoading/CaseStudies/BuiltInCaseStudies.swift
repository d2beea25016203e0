import CaseBenchModel

/// Case studies compiled into the binary, so `casebench` works from any folder.
public enum BuiltInCaseStudies {
  /// The Bike Shop's YAML: `CaseStudies/bike-shop.yaml` itself, which SwiftPM embeds through the
  /// link `Resources/bike-shop.yaml`, so an edit to the file is in the next build.
  public static var bikeShopYAML: String {
    String(decoding: PackageResources.bike_shop_yaml, as: UTF8.self)
  }

  /// The Bike Shop, parsed and validated from its YAML.
  static func bikeShop(file: String) throws(CaseStudyLoadError) -> CaseStudy {
    try CaseStudyLoader.parse(bikeShopYAML, file: file)
  }
}
