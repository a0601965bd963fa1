from datetime import date


def test_repeated_mentions_merge_into_one_event(pipeline):
    text = ("मोदी ने पुतिन को भारत आने के लिए आमंत्रित किया\n"
            "प्रधानमंत्री नरेंद्र मोदी ने मंगलवार को रूस के राष्ट्रपति व्लादिमीर पुतिन को भारत आने के लिए आमंत्रित किया।")
    doc = pipeline.extract(text, published=date(2025, 3, 28), lang="hi")
    agree = [e for e in doc.events if e.type == "AGREE"]
    assert len(agree) == 1
    assert len(agree[0].evidence) == 2
    assert agree[0].date.value == "2025-03-25"  # the dated mention wins over the headline


def test_different_recipients_stay_apart(pipeline):
    text = "अमरीका ने ईरान पर प्रतिबंध लगाए। अमरीका ने रूस पर प्रतिबंध लगाए।"
    doc = pipeline.extract(text, published=date(2022, 3, 1), lang="hi")
    assert len([e for e in doc.events if e.type == "SANCTION"]) == 2
