import XCTest
import HummingbirdTesting
@testable import RotaServer
