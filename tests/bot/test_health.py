"""GET /healthz says what is missing."""


def test_unhealthy_when_the_action_server_does_not_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["missing"] == ["actions"]


def test_unhealthy_when_rasa_is_down(client, fake_rasa):
    fake_rasa.down = True
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "rasa" in response.json()["missing"]
