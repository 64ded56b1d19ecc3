#pragma once

#include <cassert>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "http/app.hpp"

// A resource is declared once: its method, path, who may use it and how its data is loaded
// are written in one place, and it answers as a page (HTML) and through the API (JSON) from
// the same loaded data, so the two cannot disagree on who sees what.
//
//   RouteTable table;
//   table.resource<std::vector<OutlierRow>>({
//       .path = "/outliers",  // and /api/outliers
//       .load = outlier_rows,
//       .page = [](Context& c, std::vector<OutlierRow>& rows) { return html_response(pages::outliers_page(c, rows)); },
//       .json = [](Context&, std::vector<OutlierRow>& rows) { return json_response(to_json(rows)); },
//   });
namespace clinaudit::http {

template <typename T>
struct Resource {
  std::string method = "GET";
  // Every member has a default, so that a declaration names only what it needs.
  std::string path = {};      // the page's path pattern (a full-match regex)
  std::string api_path = {};  // the API's; "/api" + path when empty
  Access access = Access::permitted;
  Permission permission = Permission::view_organisation;
  // Reads (or, for a write, does) what the request asks for, as the caller. Its Error is
  // the answer on both routes, unless `page_refusal` takes it on the page.
  std::function<Result<T>(Context&)> load = {};
  // The answers from the loaded data; a side left empty is not registered.
  std::function<Result<Response>(Context&, T&)> page = {};
  std::function<Result<Response>(Context&, T&)> json = {};
  // A form that shows a refusal again: the page's answer when `load` fails. It returns
  // the Error itself for a failure it does not show. The API always answers the Error.
  std::function<Result<Response>(Context&, const Error&)> page_refusal = {};
};

// A table of routes being built: single routes, or the two of a resource at once.
class RouteTable {
 public:
  void add(Route route) { routes_.push_back(std::move(route)); }

  // Adds the page route and the API route of `resource` (those it has).
  template <typename T>
  void resource(Resource<T> resource) {
    assert(resource.load && (resource.page || resource.json));
    if (resource.page) {
      add(page_route(resource.method, resource.path, resource.access, resource.permission,
                     [load = resource.load, page = std::move(resource.page),
                      refusal = std::move(resource.page_refusal)](Context& c) -> Result<Response> {
                       auto data = load(c);
                       if (!data && refusal) return refusal(c, data.error());
                       if (!data) return data.error();
                       return page(c, *data);
                     }));
    }
    if (resource.json) {
      std::string api_path = resource.api_path.empty() ? "/api" + resource.path : std::move(resource.api_path);
      add(api_route(std::move(resource.method), std::move(api_path), resource.access, resource.permission,
                    [load = std::move(resource.load), json = std::move(resource.json)](Context& c) -> Result<Response> {
                      CLINAUDIT_TRY(auto data, load(c));
                      return json(c, data);
                    }));
    }
  }

  std::vector<Route> routes() && { return std::move(routes_); }

 private:
  std::vector<Route> routes_;
};

}  // namespace clinaudit::http
