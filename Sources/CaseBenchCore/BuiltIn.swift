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

  /// The Bike Shop's image, as `scripts/compile-builtin` wrote it.
  public static var bikeShopImage: [UInt8] { PackageResources.bike_shop_image }

  /// The Bike Shop's YAML as bytes, which its image must have been made from to be used.
  public static var bikeShopSource: [UInt8] { PackageResources.bike_shop_yaml }

  /// The Bike Shop: decoded from its image (`Resources/bike-shop.image`, written by
  /// `scripts/compile-builtin`) when the image was made from this very YAML, else parsed and
  /// validated from the YAML, which gives the same case study much more slowly.
  static func bikeShop(file: String) throws(CaseStudyLoadError) -> CaseStudy {
    if let study = CaseStudyImage.decode(
      bikeShopImage, source: bikeShopSource)
    {
      return study
    }
    return try CaseStudyLoader.parse(bikeShopYAML, file: file)
  }
}
