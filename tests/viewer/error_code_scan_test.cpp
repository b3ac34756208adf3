// Tests of error_code_scan.h: which codes in a message get decoded.
#include <QTest>

#include "error_code_scan.h"

namespace ccmlog::viewer {
namespace {

std::vector<std::string> codes(std::string_view message) {
  std::vector<std::string> out;
  for (const CodeMention& m : errorCodesIn(message)) out.push_back(formatErrorCode(m.info.code));
  return out;
}

}  // namespace

class ErrorCodeScanTest : public QObject {
  Q_OBJECT

 private slots:
  void notations() {
    QCOMPARE(
        codes("Failed to access source file (\\\\fileserver\\sccm$\\client\\ccmsetup.cab). Error 0x80070005"),
        std::vector<std::string>{"0x80070005"});
    QCOMPARE(codes("CreateInstance of CLSID_BackgroundCopyManager failed with 8007042C"),
             std::vector<std::string>{"0x8007042c"});
    QCOMPARE(codes("ClientDeploymentMessage ErrorCode=\"-2145844844\""),
             std::vector<std::string>{"0x80190194"});
    QCOMPARE(codes("File C:\\Windows\\ccmsetup\\client.msi installation failed. Error text: ExitCode: 1603"),
             std::vector<std::string>{"0x80070643"});
    QCOMPARE(codes("MainEngineThread is returning 1603"), std::vector<std::string>{"0x80070643"});
  }

  void notCodes() {
    QCOMPARE(codes("CcmSetup is exiting with return code 7"), std::vector<std::string>{});
    QCOMPARE(codes("TopicId {8D1E4C72-3B09-4A6F-9E58-C07B12D4F9A3} has been sent"),
             std::vector<std::string>{});
    QCOMPARE(codes("Detected 118342 MB free disk space"), std::vector<std::string>{});
  }

  void eachCodeOnce() {
    QCOMPARE(codes("Error 0x80070005 (0x80070005), then 0x80070002"),
             (std::vector<std::string>{"0x80070005", "0x80070002"}));
  }
};

}  // namespace ccmlog::viewer

QTEST_GUILESS_MAIN(ccmlog::viewer::ErrorCodeScanTest)
#include "error_code_scan_test.moc"
