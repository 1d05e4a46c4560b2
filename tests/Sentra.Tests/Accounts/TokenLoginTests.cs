using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Demo;

namespace Sentra.Tests.Accounts;

public sealed class TokenLoginTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    [Fact]
    public async Task Login_returns_a_bearer_token_that_opens_the_api()
    {
        var response = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.Officer, password = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.True(body.GetProperty("expiresIn").GetInt64() > 0);
        var token = body.GetProperty("accessToken").GetString()!;

        var me = await App.WithToken(token).GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal("Rina Pendamping", me.GetProperty("displayName").GetString());
        Assert.Equal("32.76", me.GetProperty("regionCode").GetString());
        Assert.Contains("Officer", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Wrong_credentials_answer_401_problem_details_without_a_hint()
    {
        var wrong = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = DemoAccounts.Leader, password = "nope-nope1" });
        var unknown = await App.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "nope-nope1" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        var a = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        var b = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_without_token_answers_401_not_a_redirect()
    {
        var response = await App.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Missing_fields_answer_a_validation_problem_in_the_callers_language()
    {
        var client = App.CreateClient();
        var id = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "" , password = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, id.StatusCode);
        var body = await id.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("E-mail wajib diisi.", body.GetProperty("errors").GetProperty("email")[0].GetString());

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email = "", password = "x" }) };
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        var en = await client.SendAsync(request);
        var enBody = await en.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("E-mail is required.", enBody.GetProperty("errors").GetProperty("email")[0].GetString());
    }

    [Fact]
    public async Task Unknown_fields_are_rejected()
    {
        var response = await App.CreateClient().PostAsync("/api/v1/auth/login",
            new StringContent("""{"email":"a@b.c","password":"x","isAdmin":true}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("isAdmin", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Oversized_bodies_are_rejected()
    {
        var huge = new string('x', 2 * 1024 * 1024);
        var response = await App.CreateClient().PostAsync("/api/v1/auth/login",
            new StringContent($$"""{"email":"{{huge}}","password":"x"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
