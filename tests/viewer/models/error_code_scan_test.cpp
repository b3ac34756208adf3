// Tests of error_code_scan.h: which codes in a message get decoded.
#include "models/error_code_scan.h"

#include <QTest>

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

  // Hex words that are no error code where they stand: package ids, flags, handles.
  void hexWordsOutOfContext() {
    QCOMPARE(codes("Download package ABC00002 version 3 from the DP"), std::vector<std::string>{});
    QCOMPARE(codes("Package abc00002 is cached at C:\\Windows\\ccmcache\\1"), std::vector<std::string>{});
    QCOMPARE(codes("Flags 0x00000001, handle 0x1a4"), std::vector<std::string>{});
    QCOMPARE(codes("Security flags 0x00003300 set"), std::vector<std::string>{});
    // The same words as codes, where the message says they are.
    QCOMPARE(codes("Download failed with error abc00002"), std::vector<std::string>{"0xabc00002"});
    QCOMPARE(codes("Failed with hr=0x00000001"), std::vector<std::string>{"0x80070001"});
    // A failure HRESULT of a known facility or in the table needs no word before it.
    QCOMPARE(codes("GetDPLocations: 0x87d00454"), std::vector<std::string>{"0x87d00454"});
    QCOMPARE(codes("(0x80070005)"), std::vector<std::string>{"0x80070005"});
  }

  void eachCodeOnce() {
    QCOMPARE(codes("Error 0x80070005 (0x80070005), then 0x80070002"),
             (std::vector<std::string>{"0x80070005", "0x80070002"}));
  }
};

}  // namespace ccmlog::viewer

QTEST_GUILESS_MAIN(ccmlog::viewer::ErrorCodeScanTest)
#include "error_code_scan_test.moc"
