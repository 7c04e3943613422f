import Testing
@testable import ParleyModels
