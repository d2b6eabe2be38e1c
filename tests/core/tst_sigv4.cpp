// AWS Signature Version 4: the published aws-sig-v4-test-suite vectors (canonical request,
// string to sign and signature, each asserted exactly), the Bedrock path rules (a model id's ':'
// and an ARN's '/' are encoded on the wire and encoded again when signing), and a cross-check
// against the test server's independent verifier.
#include "providers/bedrock.h"
#include "providers/sigv4.h"
#include "test_server.h"

#include <QtTest>

#include <chrono>

using namespace switchyard;

namespace {

const std::string kEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const std::string kSuiteDate = "20150830T123600Z";
const std::string kSuiteScope = "20150830/us-east-1/service/aws4_request";
const std::string kSuiteToken =
    "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxf"
    "pSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPky"
    "QDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+"
    "scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

AwsCredentials suiteCredentials(const std::string& token = {}) {
    AwsCredentials credentials;
    credentials.accessKeyId = "AKIDEXAMPLE";
    credentials.secretAccessKey = Secret("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    credentials.sessionToken = Secret(token);
    return credentials;
}

// The canonical request, one line per element, as the suite's .creq files write it.
QByteArray creq(const char* method, const char* uri, const char* query, const QStringList& headers,
                const char* signedHeaders, const std::string& payloadHash = kEmptyHash) {
    QByteArray out = QByteArray(method) + "\n" + uri + "\n" + query + "\n";
    for (const auto& header : headers)
        out += header.toUtf8() + "\n";
    return out + "\n" + signedHeaders + "\n" + QByteArray::fromStdString(payloadHash);
}

QByteArray sts(const char* canonicalHash) {
    return QByteArray::fromStdString("AWS4-HMAC-SHA256\n" + kSuiteDate + "\n" + kSuiteScope +
                                     "\n") +
           canonicalHash;
}

QByteArray authorization(const char* signedHeaders, const char* signature) {
    return QByteArray::fromStdString("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + kSuiteScope +
                                     ", SignedHeaders=") +
           signedHeaders + ", Signature=" + signature;
}

int64_t now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::vector<std::pair<std::string, std::string>> asPairs(const std::vector<HttpHeader>& headers) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& header : headers)
        out.emplace_back(header.name, header.value);
    return out;
}

std::string pathOf(const std::string& url) {
    UrlParts parts;
    parseUrl(url, parts);
    return parts.path + (parts.query.empty() ? "" : "?" + parts.query);
}

} // namespace

class TestSigV4 : public QObject {
    Q_OBJECT

private slots:
    void suiteVectors_data();
    void suiteVectors();
    void canonicalUriEncodesEscapesAgain_data();
    void canonicalUriEncodesEscapesAgain();
    void bedrockRequestCanonicalForm();
    void independentVerifierAccepts_data();
    void independentVerifierAccepts();
    void singleEncodedSignatureIsRejected();
    void resigningReplacesTheOldSignature();
};

void TestSigV4::suiteVectors_data() {
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QStringList>("headers"); // "Name:value", in request order
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("sessionToken");
    QTest::addColumn<QByteArray>("canonicalRequest");
    QTest::addColumn<QByteArray>("stringToSign");
    QTest::addColumn<QByteArray>("authorization");

    const QString host = "Host:example.amazonaws.com";
    const QString date = "X-Amz-Date:20150830T123600Z";
    const QString hostLine = "host:example.amazonaws.com";
    const QString dateLine = "x-amz-date:20150830T123600Z";
    const QString base = "https://example.amazonaws.com";

    QTest::newRow("get-vanilla")
        << "GET" << base + "/" << QStringList{host, date} << QByteArray() << QString()
        << creq("GET", "/", "", {hostLine, dateLine}, "host;x-amz-date")
        << sts("bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63")
        << authorization("host;x-amz-date",
                         "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    QTest::newRow("get-vanilla-query-order-key-case")
        << "GET" << base + "/?Param2=value2&Param1=value1" << QStringList{host, date}
        << QByteArray() << QString()
        << creq("GET", "/", "Param1=value1&Param2=value2", {hostLine, dateLine}, "host;x-amz-date")
        << sts("816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0")
        << authorization("host;x-amz-date",
                         "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    QTest::newRow("get-vanilla-query-order-value")
        << "GET" << base + "/?Param1=value2&Param1=value1" << QStringList{host, date}
        << QByteArray() << QString()
        << creq("GET", "/", "Param1=value1&Param1=value2", {hostLine, dateLine}, "host;x-amz-date")
        << sts("c968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606")
        << authorization("host;x-amz-date",
                         "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694");
    QTest::newRow("get-vanilla-query-order-key")
        << "GET" << base + "/?Param1=value2&Param1=Value1" << QStringList{host, date}
        << QByteArray() << QString()
        << creq("GET", "/", "Param1=Value1&Param1=value2", {hostLine, dateLine}, "host;x-amz-date")
        << sts("704b4cef673542d84cdff252633f065e8daeba5f168b77116f8b1bcaf3d38f89")
        << authorization("host;x-amz-date",
                         "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1");
    QTest::newRow("get-vanilla-empty-query-key")
        << "GET" << base + "/?Param1=value1" << QStringList{host, date} << QByteArray() << QString()
        << creq("GET", "/", "Param1=value1", {hostLine, dateLine}, "host;x-amz-date")
        << sts("1e24db194ed7d0eec2de28d7369675a243488e08526e8c1c73571282f7c517ab")
        << authorization("host;x-amz-date",
                         "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb");
    const char* unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QTest::newRow("get-vanilla-query-unreserved")
        << "GET" << base + "/?" + unreserved + "=" + unreserved << QStringList{host, date}
        << QByteArray() << QString()
        << creq("GET", "/", (QByteArray(unreserved) + "=" + unreserved).constData(),
                {hostLine, dateLine}, "host;x-amz-date")
        << sts("c30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177")
        << authorization("host;x-amz-date",
                         "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197");
    QTest::newRow("get-vanilla-utf8-query")
        << "GET" << base + QString::fromUtf8("/?\u1234=bar") << QStringList{host, date}
        << QByteArray() << QString()
        << creq("GET", "/", "%E1%88%B4=bar", {hostLine, dateLine}, "host;x-amz-date")
        << sts("eb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073")
        << authorization("host;x-amz-date",
                         "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04");
    QTest::newRow("get-utf8") << "GET" << base + QString::fromUtf8("/\u1234")
                              << QStringList{host, date} << QByteArray() << QString()
                              << creq("GET", "/%E1%88%B4", "", {hostLine, dateLine},
                                      "host;x-amz-date")
                              << sts("2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac4"
                                     "2102")
                              << authorization("host;x-amz-date",
                                               "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a89"
                                               "1fd03141be5d85");
    QTest::newRow("get-space") << "GET" << base + "/example space/" << QStringList{host, date}
                               << QByteArray() << QString()
                               << creq("GET", "/example%20space/", "", {hostLine, dateLine},
                                       "host;x-amz-date")
                               << sts("63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee93"
                                      "90d86")
                               << authorization("host;x-amz-date",
                                                "652487583200325589f1fba4c7e578f72c47cb61beeca8140"
                                                "6b39ddec1366741");
    QTest::newRow("get-unreserved")
        << "GET" << base + "/" + unreserved << QStringList{host, date} << QByteArray() << QString()
        << creq("GET", (QByteArray("/") + unreserved).constData(), "", {hostLine, dateLine},
                "host;x-amz-date")
        << sts("6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9")
        << authorization("host;x-amz-date",
                         "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f");
    QTest::newRow("get-header-key-duplicate")
        << "GET" << base + "/"
        << QStringList{host, "My-Header1:value2", "My-Header1:value2", "My-Header1:value1", date}
        << QByteArray() << QString()
        << creq("GET", "/", "", {hostLine, "my-header1:value2,value2,value1", dateLine},
                "host;my-header1;x-amz-date")
        << sts("dc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c")
        << authorization("host;my-header1;x-amz-date",
                         "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea");
    QTest::newRow("get-header-value-order")
        << "GET" << base + "/" << QStringList{host,
                                              "My-Header1:value4",
                                              "My-Header1:value1",
                                              "My-Header1:value3",
                                              "My-Header1:value2",
                                              date}
        << QByteArray() << QString()
        << creq("GET", "/", "", {hostLine, "my-header1:value4,value1,value3,value2", dateLine},
                "host;my-header1;x-amz-date")
        << sts("31ce73cd3f3d9f66977ad3dd957dc47af14df92fcd8509f59b349e9137c58b86")
        << authorization("host;my-header1;x-amz-date",
                         "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01");
    QTest::newRow("get-header-value-trim")
        << "GET" << base + "/"
        << QStringList{host, "My-Header1: value1", "My-Header2: \"a   b   c\"", date}
        << QByteArray() << QString()
        << creq("GET", "/", "", {hostLine, "my-header1:value1", "my-header2:\"a b c\"", dateLine},
                "host;my-header1;my-header2;x-amz-date")
        << sts("a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7")
        << authorization("host;my-header1;my-header2;x-amz-date",
                         "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736");
    QTest::newRow("post-vanilla")
        << "POST" << base + "/" << QStringList{host, date} << QByteArray() << QString()
        << creq("POST", "/", "", {hostLine, dateLine}, "host;x-amz-date")
        << sts("553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87")
        << authorization("host;x-amz-date",
                         "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    QTest::newRow("post-vanilla-query")
        << "POST" << base + "/?Param1=value1" << QStringList{host, date} << QByteArray()
        << QString() << creq("POST", "/", "Param1=value1", {hostLine, dateLine}, "host;x-amz-date")
        << sts("9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd")
        << authorization("host;x-amz-date",
                         "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11");
    QTest::newRow("post-header-key-case")
        << "POST" << base + "/"
        << QStringList{"HOST:example.amazonaws.com", "x-AMZ-date:20150830T123600Z"} << QByteArray()
        << QString() << creq("POST", "/", "", {hostLine, dateLine}, "host;x-amz-date")
        << sts("553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87")
        << authorization("host;x-amz-date",
                         "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    QTest::newRow("post-header-key-sort")
        << "POST" << base + "/" << QStringList{host, date, "My-Header1:value1"} << QByteArray()
        << QString()
        << creq("POST", "/", "", {hostLine, "my-header1:value1", dateLine},
                "host;my-header1;x-amz-date")
        << sts("9368318c2967cf6de74404b30c65a91e8f6253e0a8659d6d5319f1a812f87d65")
        << authorization("host;my-header1;x-amz-date",
                         "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c");
    QTest::newRow("post-header-value-case")
        << "POST" << base + "/" << QStringList{host, "My-Header1:VALUE1", date} << QByteArray()
        << QString()
        << creq("POST", "/", "", {hostLine, "my-header1:VALUE1", dateLine},
                "host;my-header1;x-amz-date")
        << sts("d51ced243e649e3de6ef63afbbdcbca03131a21a7103a1583706a64618606a93")
        << authorization("host;my-header1;x-amz-date",
                         "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d");
    const std::string formHash = "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e";
    QTest::newRow("post-x-www-form-urlencoded")
        << "POST" << base + "/"
        << QStringList{"Content-Type:application/x-www-form-urlencoded", host, date}
        << QByteArray("Param1=value1") << QString()
        << creq("POST", "/", "",
                {"content-type:application/x-www-form-urlencoded", hostLine, dateLine},
                "content-type;host;x-amz-date", formHash)
        << sts("42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281")
        << authorization("content-type;host;x-amz-date",
                         "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
    QTest::newRow("post-x-www-form-urlencoded-parameters")
        << "POST" << base + "/"
        << QStringList{"Content-Type:application/x-www-form-urlencoded; charset=utf8", host, date}
        << QByteArray("Param1=value1") << QString()
        << creq(
               "POST", "/", "",
               {"content-type:application/x-www-form-urlencoded; charset=utf8", hostLine, dateLine},
               "content-type;host;x-amz-date", formHash)
        << sts("2e1cf7ed91881a30569e46552437e4156c823447bf1781b921b5d486c568dd1c")
        << authorization("content-type;host;x-amz-date",
                         "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe");
    QTest::newRow("post-sts-header-before")
        << "POST" << base + "/" << QStringList{host, date} << QByteArray()
        << QString::fromStdString(kSuiteToken)
        << creq("POST", "/", "",
                {hostLine, dateLine, QString::fromStdString("x-amz-security-token:" + kSuiteToken)},
                "host;x-amz-date;x-amz-security-token")
        << sts("c237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6")
        << authorization("host;x-amz-date;x-amz-security-token",
                         "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead");
}

void TestSigV4::suiteVectors() {
    QFETCH(QString, method);
    QFETCH(QString, url);
    QFETCH(QStringList, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, sessionToken);
    QFETCH(QByteArray, canonicalRequest);
    QFETCH(QByteArray, stringToSign);
    QFETCH(QByteArray, authorization);

    SigV4Input input;
    input.method = method.toStdString();
    input.url = url.toStdString();
    for (const auto& header : headers) {
        const auto colon = header.indexOf(':');
        input.headers.push_back(
            {header.left(colon).toStdString(), header.mid(colon + 1).toStdString()});
    }
    const std::string bodyText = body.toStdString();
    input.body = bodyText;

    const SigV4Signature signature = sigv4Sign(input, suiteCredentials(sessionToken.toStdString()),
                                               {"us-east-1", "service"}, kSuiteDate);
    QCOMPARE(QByteArray::fromStdString(signature.canonicalRequest), canonicalRequest);
    QCOMPARE(QByteArray::fromStdString(signature.stringToSign), stringToSign);
    QCOMPARE(QByteArray::fromStdString(signature.authorization), authorization);
    if (!sessionToken.isEmpty()) {
        QCOMPARE(signature.addedHeaders.size(), size_t(1));
        QCOMPARE(signature.addedHeaders[0].name, std::string("X-Amz-Security-Token"));
        QCOMPARE(signature.addedHeaders[0].value, sessionToken.toStdString());
    } else {
        QVERIFY(signature.addedHeaders.empty()); // host and date were given
    }
}

void TestSigV4::canonicalUriEncodesEscapesAgain_data() {
    QTest::addColumn<QString>("modelId");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("canonicalUri");

    QTest::newRow("model id with a colon")
        << "anthropic.claude-3-5-haiku-20241022-v1:0"
        << "https://bedrock-runtime.us-east-1.amazonaws.com/model/"
           "anthropic.claude-3-5-haiku-20241022-v1%3A0/converse"
        << "/model/anthropic.claude-3-5-haiku-20241022-v1%253A0/converse";
    QTest::newRow("inference-profile ARN")
        << "arn:aws:bedrock:us-east-1:123456789012:inference-profile/"
           "us.anthropic.claude-3-5-haiku-20241022-v1:0"
        << "https://bedrock-runtime.us-east-1.amazonaws.com/model/"
           "arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2F"
           "us.anthropic.claude-3-5-haiku-20241022-v1%3A0/converse"
        << "/model/arn%253Aaws%253Abedrock%253Aus-east-1%253A123456789012%253Ainference-profile"
           "%252Fus.anthropic.claude-3-5-haiku-20241022-v1%253A0/converse";
    QTest::newRow("prompt-router ARN")
        << "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1"
        << "https://bedrock-runtime.us-east-1.amazonaws.com/model/"
           "arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Adefault-prompt-router%2F"
           "anthropic.claude%3A1/converse"
        << "/model/arn%253Aaws%253Abedrock%253Aus-east-1%253A123456789012%253Adefault-prompt-"
           "router%252Fanthropic.claude%253A1/converse";
    QTest::newRow("plain model id") << "amazon.nova-micro-v1"
                                    << "https://bedrock-runtime.us-east-1.amazonaws.com/model/"
                                       "amazon.nova-micro-v1/converse"
                                    << "/model/amazon.nova-micro-v1/converse";
}

void TestSigV4::canonicalUriEncodesEscapesAgain() {
    QFETCH(QString, modelId);
    QFETCH(QString, url);
    QFETCH(QString, canonicalUri);
    const std::string wire = bedrockConverseUrl("us-east-1", "", modelId.toStdString());
    QCOMPARE(QString::fromStdString(wire), url);
    QCOMPARE(QString::fromStdString(sigv4CanonicalUri(pathOf(wire))), canonicalUri);
}

// A whole Bedrock request at the suite's time, every line of the canonical request spelled out.
void TestSigV4::bedrockRequestCanonicalForm() {
    HttpRequest request;
    request.url = bedrockConverseUrl("us-west-2", "", "anthropic.claude-3-5-haiku-20241022-v1:0");
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    request.body = R"({"messages":[{"content":[{"text":"Hi"}],"role":"user"}]})";

    SigV4Input input;
    input.method = "POST";
    input.url = request.url;
    input.headers = {{"Content-Type", "application/json"}};
    input.body = request.body;
    const auto signature =
        sigv4Sign(input, suiteCredentials(), {"us-west-2", "bedrock"}, kSuiteDate);
    const QByteArray expected = "POST\n"
                                "/model/anthropic.claude-3-5-haiku-20241022-v1%253A0/converse\n"
                                "\n"
                                "content-type:application/json\n"
                                "host:bedrock-runtime.us-west-2.amazonaws.com\n"
                                "x-amz-date:20150830T123600Z\n"
                                "\n"
                                "content-type;host;x-amz-date\n" +
                                QCryptographicHash::hash(QByteArray::fromStdString(request.body),
                                                         QCryptographicHash::Sha256)
                                    .toHex();
    QCOMPARE(QByteArray::fromStdString(signature.canonicalRequest), expected);
    QVERIFY(signature.stringToSign.find("\n20150830/us-west-2/bedrock/aws4_request\n") !=
            std::string::npos);
    QCOMPARE(signature.addedHeaders.size(), size_t(2)); // Host, X-Amz-Date
}

void TestSigV4::independentVerifierAccepts_data() {
    QTest::addColumn<QString>("modelId");
    QTest::addColumn<QString>("sessionToken");
    QTest::newRow("colon") << "anthropic.claude-3-5-haiku-20241022-v1:0" << QString();
    QTest::newRow("inference profile")
        << "arn:aws:bedrock:us-east-1:123456789012:inference-profile/"
           "us.anthropic.claude-3-5-haiku-20241022-v1:0"
        << QString();
    QTest::newRow("session token") << "amazon.nova-micro-v1:0"
                                   << "FwoGZXIvYXdzEXAMPLE//session+token/==";
}

// The client's signer against the test server's separately written verifier, at the current
// time: the same check the server runs on every Bedrock call.
void TestSigV4::independentVerifierAccepts() {
    QFETCH(QString, modelId);
    QFETCH(QString, sessionToken);
    HttpRequest request;
    request.url =
        bedrockConverseUrl("eu-central-1", "http://127.0.0.1:9000", modelId.toStdString());
    request.headers = {{"Content-Type", "application/json"}};
    request.body = R"({"messages":[{"role":"user","content":[{"text":"ping"}]}]})";
    AwsCredentials credentials = suiteCredentials(sessionToken.toStdString());
    sigv4SignRequest(request, credentials, {"eu-central-1", "bedrock"}, now());

    auto headers = asPairs(request.headers);
    headers.emplace_back("Host", "127.0.0.1:9000"); // what curl sends
    const std::string verdict =
        testing::verifySigV4("POST", pathOf(request.url), headers, request.body, "AKIDEXAMPLE",
                             "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "eu-central-1", "bedrock");
    QVERIFY2(verdict.empty(), verdict.c_str());
    QCOMPARE(findHeader(request.headers, "x-amz-security-token") != nullptr,
             !sessionToken.isEmpty());

    // Any change to what was signed breaks it.
    const std::string tampered = testing::verifySigV4(
        "POST", pathOf(request.url), headers, request.body + " ", "AKIDEXAMPLE",
        "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "eu-central-1", "bedrock");
    QVERIFY(tampered.find("does not match") != std::string::npos);
}

// The bug the double encoding prevents: signing the decoded path (one encoding) while the wire
// carries the encoded one fails exactly as Bedrock answers SignatureDoesNotMatch.
void TestSigV4::singleEncodedSignatureIsRejected() {
    const std::string wireUrl =
        bedrockConverseUrl("us-east-1", "http://127.0.0.1:9000", "amazon.nova-lite-v1:0");
    HttpRequest wrong;
    wrong.url = "http://127.0.0.1:9000/model/amazon.nova-lite-v1:0/converse"; // signed as "%3A"
    wrong.headers = {{"Content-Type", "application/json"}};
    wrong.body = "{}";
    sigv4SignRequest(wrong, suiteCredentials(), {"us-east-1", "bedrock"}, now());
    auto headers = asPairs(wrong.headers);
    headers.emplace_back("Host", "127.0.0.1:9000");
    const std::string verdict =
        testing::verifySigV4("POST", pathOf(wireUrl), headers, wrong.body, "AKIDEXAMPLE",
                             "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "bedrock");
    QVERIFY2(verdict.find("does not match") != std::string::npos, verdict.c_str());
    QVERIFY(verdict.find("nova-lite-v1%253A0") != std::string::npos);
}

void TestSigV4::resigningReplacesTheOldSignature() {
    HttpRequest request;
    request.url = bedrockConverseUrl("us-east-1", "", "amazon.nova-micro-v1:0");
    request.headers = {{"Content-Type", "application/json"}};
    request.body = "{}";
    const AwsCredentials credentials = suiteCredentials("token-1234");
    sigv4SignRequest(request, credentials, {"us-east-1", "bedrock"}, 1'440'938'160);
    const std::string first = *findHeader(request.headers, "authorization");
    sigv4SignRequest(request, credentials, {"us-east-1", "bedrock"}, 1'440'938'160 + 90);
    int authorizations = 0, dates = 0, tokens = 0;
    for (const auto& header : request.headers) {
        authorizations += equalsIgnoreCase(header.name, "authorization");
        dates += equalsIgnoreCase(header.name, "x-amz-date");
        tokens += equalsIgnoreCase(header.name, "x-amz-security-token");
    }
    QCOMPARE(authorizations, 1);
    QCOMPARE(dates, 1);
    QCOMPARE(tokens, 1);
    QCOMPARE(*findHeader(request.headers, "x-amz-date"), std::string("20150830T123730Z"));
    QVERIFY(*findHeader(request.headers, "authorization") != first);
    QVERIFY(first.find("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,") !=
            std::string::npos);
}

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
