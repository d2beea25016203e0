#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Case studies compiled into the binary, so `casebench` works from any folder.
public enum BuiltInCaseStudies {
  /// The Bike Shop's YAML, exactly as in `CaseStudies/bike-shop.yaml`.
  public static var bikeShopYAML: String {
    String(decoding: PackageResources.bike_shop_yaml, as: UTF8.self)
  }
}
